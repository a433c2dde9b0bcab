import { Route, Routes } from 'react-router-dom';
import { LessonPage } from './LessonPage';
import { ReportPage } from './ReportPage';
import { TeamView } from './TeamView';

/** The plugin's pages below its mount point: the report, the team view and the lesson fix pages. */
export function GoScorecardRoutes() {
  return (
    <Routes>
      <Route path="/" element={<ReportPage />} />
      <Route path="/teams" element={<TeamView />} />
      <Route path="/lessons/:lesson" element={<LessonPage />} />
    </Routes>
  );
}
