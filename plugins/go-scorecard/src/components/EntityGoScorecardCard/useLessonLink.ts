import { useCallback } from 'react';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import { getCheck, getLesson } from '@internal/plugin-go-scorecard-common';
import { lessonRouteRef } from '../../routes';

/** Links to a check's fix: its lesson page with the check's anchor, or undefined when the page is not installed. */
export function useCheckFixLink(): (checkId: string) => string | undefined {
  const lessonLink = useRouteRef(lessonRouteRef);
  return useCallback(
    (checkId: string) => {
      const check = getCheck(checkId);
      const lesson = check && getLesson(check.lesson);
      if (!lessonLink || !lesson) return undefined;
      return `${lessonLink({ lesson: lesson.slug })}#${checkId}`;
    },
    [lessonLink],
  );
}
