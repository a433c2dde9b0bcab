import lesson1 from '@internal/plugin-go-scorecard-common/docs/lesson-1-tooling.md';
import lesson2 from '@internal/plugin-go-scorecard-common/docs/lesson-2-protobuf.md';
import lesson3 from '@internal/plugin-go-scorecard-common/docs/lesson-3-grpc-dns.md';
import lesson4 from '@internal/plugin-go-scorecard-common/docs/lesson-4-context.md';
import lesson5 from '@internal/plugin-go-scorecard-common/docs/lesson-5-shutdown.md';
import { LessonId } from '@internal/plugin-go-scorecard-common';

/** The bundled URL of each lesson's fix page (markdown from the common package). */
export const lessonDocUrls: Record<LessonId, string> = {
  1: lesson1,
  2: lesson2,
  3: lesson3,
  4: lesson4,
  5: lesson5,
};
