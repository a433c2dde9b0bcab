import useAsync from 'react-use/esm/useAsync';
import { fetchApiRef, useApi } from '@backstage/frontend-plugin-api';
import { LessonId } from '@internal/plugin-go-scorecard-common';
import { lessonDocUrls } from './lessonDocUrls';

/** Loads a lesson's fix page markdown, bundled with the app. */
export function useLessonMarkdown(lesson: LessonId | undefined) {
  const fetchApi = useApi(fetchApiRef);
  return useAsync(async () => {
    if (!lesson) return undefined;
    const response = await fetchApi.fetch(lessonDocUrls[lesson]);
    if (!response.ok) {
      throw new Error(`Could not load the fix page (HTTP ${response.status})`);
    }
    return response.text();
  }, [fetchApi, lesson]);
}
