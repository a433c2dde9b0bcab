import {
  lessons,
  reportSortFields,
  reportStatusFilters,
} from '@internal/plugin-go-scorecard-common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { spec } from './openapi.generated';

describe('openapi.generated.ts', () => {
  it('is up to date with openapi.yaml (else run `yarn generate:openapi`)', () => {
    const yaml = parse(readFileSync(join(__dirname, 'openapi.yaml'), 'utf8'));
    expect(spec).toEqual(yaml);
  });

  it('lists the sort fields and status filters of the common package', () => {
    const { orderBy, status } = spec.components.parameters;
    expect(orderBy.schema.enum).toEqual(reportSortFields);
    expect(status.schema.items.enum).toEqual(reportStatusFilters);
  });

  it('lists the lesson ids of the common catalog', () => {
    expect(spec.components.schemas.LessonId.enum).toEqual(
      lessons.map(l => l.id),
    );
  });
});
