import { useEffect, useState } from 'react';
import { checks, lessons } from '@internal/plugin-go-scorecard-common';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { ReportStatusFilter } from '../../api/types';
import { statusLabels } from '../StatusIcon';
import { ReportView } from './reportSearchParams';
import { shortRef } from './shortRef';

/**
 * The check statuses, plus stale and pending entities, non-Go services (listed only
 * when asked, never scored) and services with findings waived in their
 * `.go-scorecard.yaml`; `error` also finds failed scans.
 */
const statusOptions: { value: ReportStatusFilter; label: string }[] = [
  ...(Object.entries(statusLabels) as [ReportStatusFilter, string][]).map(
    ([value, label]) => ({
      value,
      label: value === 'error' ? `${label} or scan failed` : label,
    }),
  ),
  { value: 'stale', label: 'Stale' },
  { value: 'pending', label: 'Not scanned yet' },
  { value: 'not_go', label: 'Not a Go service (not scored)' },
  { value: 'waived', label: 'With waived findings' },
];

/** The report's filters: owner/team, system, lesson, check, status and free text. */
export function ReportFiltersBar(props: {
  view: ReportView;
  onChange: (change: Partial<ReportView>) => void;
  ownerOptions: string[];
  /** Of the owner options, the departments (groups with sub-groups: they roll up). */
  departments?: string[];
  systemOptions: string[];
}) {
  const { view, onChange, ownerOptions, systemOptions } = props;
  const [text, setText] = useState(view.text ?? '');
  useEffect(() => setText(view.text ?? ''), [view.text]);
  useEffect(() => {
    if (text === (view.text ?? '')) return undefined;
    const timer = setTimeout(() => onChange({ text: text || undefined }), 300);
    return () => clearTimeout(timer);
  }, [text, view.text, onChange]);

  const lessonId = view.lesson
    ? lessons.find(l => String(l.id) === view.lesson || l.slug === view.lesson)
        ?.id
    : undefined;
  const checkOptions = checks.filter(c => !lessonId || c.lesson === lessonId);

  return (
    <Grid
      container
      spacing={2}
      component="form"
      role="search"
      aria-label="Report filters"
      onSubmit={e => e.preventDefault()}
    >
      <RefFilter
        id="go-scorecard-filter-owner"
        label="Owner / team"
        options={ownerOptions}
        departments={props.departments}
        value={view.owners}
        onChange={owners => onChange({ owners })}
      />
      <RefFilter
        id="go-scorecard-filter-system"
        label="System"
        options={systemOptions}
        value={view.systems}
        onChange={systems => onChange({ systems })}
      />
      <SelectFilter
        id="go-scorecard-filter-lesson"
        label="Lesson"
        allLabel="All lessons"
        options={lessons.map(l => ({
          value: String(l.id),
          label: `${l.id}. ${l.title}`,
        }))}
        value={lessonId ? String(lessonId) : undefined}
        onChange={lesson => onChange({ lesson, check: undefined })}
      />
      <SelectFilter
        id="go-scorecard-filter-check"
        label="Check"
        allLabel="All checks"
        options={checkOptions.map(c => ({ value: c.id, label: c.title }))}
        value={view.check}
        onChange={check => onChange({ check })}
      />
      <Grid item xs={12} sm={6} md={2}>
        <TextField
          select
          fullWidth
          size="small"
          variant="outlined"
          id="go-scorecard-filter-status"
          label="Status"
          SelectProps={{
            multiple: true,
            renderValue: value =>
              (value as string[])
                .map(v => statusOptions.find(o => o.value === v)?.label ?? v)
                .join(', '),
          }}
          value={view.statuses ?? []}
          onChange={e => {
            const value = e.target.value as unknown as ReportStatusFilter[];
            onChange({ statuses: value.length ? value : undefined });
          }}
        >
          {statusOptions.map(o => (
            <MenuItem key={o.value} value={o.value}>
              {o.label}
            </MenuItem>
          ))}
        </TextField>
      </Grid>
      <Grid item xs={12} sm={6} md={3}>
        <TextField
          fullWidth
          size="small"
          variant="outlined"
          id="go-scorecard-filter-text"
          label="Search"
          type="search"
          value={text}
          onChange={e => setText(e.target.value)}
        />
      </Grid>
    </Grid>
  );
}

/** A multi-select of entity refs (owners, systems), shown by their short names. */
function RefFilter(props: {
  id: string;
  label: string;
  options: string[];
  /** Options shown as departments (with their teams). */
  departments?: string[];
  value?: string[];
  onChange: (refs: string[] | undefined) => void;
}) {
  const departments = new Set(props.departments ?? []);
  return (
    <Grid item xs={12} sm={6} md={3}>
      <Autocomplete
        multiple
        id={props.id}
        size="small"
        options={props.options}
        getOptionLabel={shortRef}
        renderOption={ref =>
          departments.has(ref)
            ? `${shortRef(ref)}, department with its teams`
            : shortRef(ref)
        }
        value={props.value ?? []}
        onChange={(_e, refs) => props.onChange(refs.length ? refs : undefined)}
        renderInput={params => (
          <TextField {...params} variant="outlined" label={props.label} />
        )}
      />
    </Grid>
  );
}

/** A single choice among options, or all of them ("All lessons"). */
function SelectFilter(props: {
  id: string;
  label: string;
  allLabel: string;
  options: { value: string; label: string }[];
  value?: string;
  onChange: (value: string | undefined) => void;
}) {
  return (
    <Grid item xs={12} sm={6} md={2}>
      <TextField
        select
        fullWidth
        size="small"
        variant="outlined"
        id={props.id}
        label={props.label}
        value={props.value ?? ''}
        onChange={e => props.onChange(e.target.value || undefined)}
      >
        <MenuItem value="">{props.allLabel}</MenuItem>
        {props.options.map(o => (
          <MenuItem key={o.value} value={o.value}>
            {o.label}
          </MenuItem>
        ))}
      </TextField>
    </Grid>
  );
}
