import { memo } from 'react';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  CheckStatus,
  lessons,
  nounFor,
} from '@internal/plugin-go-scorecard-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { ReportRow, ReportSortField } from '../../api/types';
import { RelativeTime } from '../common/RelativeTime';
import { StatusIcon, statusLabels, statusMeanings } from '../StatusIcon';
import { ReportView } from './reportSearchParams';
import { shortRef } from './shortRef';

const useStyles = makeStyles(theme => ({
  /**
   * The table scrolls sideways in its own box when the page is narrower than it (800 px):
   * no column is cut off, and the box takes the keyboard focus to scroll.
   */
  scroller: {
    overflowX: 'auto',
    // The default small cell's 24 px right padding on 13 columns pushed the table past
    // the page at 1440 px once Impact joined: 6 px each side, 16 px at the table's edges,
    // so that every column fits at 1280 px too.
    '& th, & td': { padding: theme.spacing(0.75) },
    '& tr > :first-child': { paddingLeft: theme.spacing(2) },
    '& tr > :last-child': { paddingRight: theme.spacing(2) },
    '&:focus-visible': {
      outline: `2px solid ${theme.palette.primary.main}`,
      outlineOffset: 2,
    },
  },
  /** Names and owners on one line, cut with an ellipsis (the whole name as tooltip), never mid-word. */
  name: {
    display: 'block',
    maxWidth: '22rem',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    wordBreak: 'normal',
    overflowWrap: 'normal',
  },
  nowrap: { whiteSpace: 'nowrap' },
  notGo: { color: theme.palette.text.secondary, whiteSpace: 'nowrap' },
  failed: { whiteSpace: 'nowrap', color: theme.palette.error.dark },
  reason: {
    color: theme.palette.text.secondary,
    maxWidth: '22rem',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
}));

/** What the Waived column counts, as its header's tooltip says. */
export const WAIVED_MEANING =
  "Findings waived in the service's .go-scorecard.yaml, with a reason and an expiry: they no longer count for their check's status, so a check can pass with waived findings. They count again when the waiver expires.";

/** What the Impact column counts, as its header's tooltip says. */
export const IMPACT_MEANING =
  'Catalog entities that depend on this service: those that depend on it (dependsOn) and those that consume an API it provides (consumesApi), each once. Sort by it to fix first what most others call.';

const sortableColumns: {
  field: ReportSortField;
  label: string;
  numeric?: boolean;
  meaning?: string;
  /** The order of the first click: most depended-on first for Impact. Default ascending. */
  firstOrder?: 'asc' | 'desc';
}[] = [
  { field: 'entity', label: 'Service' },
  { field: 'owner', label: 'Owner' },
  { field: 'system', label: 'System' },
  { field: 'score', label: 'Score', numeric: true },
  {
    field: 'impact',
    label: 'Impact',
    numeric: true,
    meaning: IMPACT_MEANING,
    firstOrder: 'desc',
  },
];

/** An entity link on one line, cut with an ellipsis, the whole name in its tooltip. */
function NameLink(props: {
  entityRef: string;
  defaultKind: string;
  title?: string;
}) {
  const classes = useStyles();
  const text = props.title ?? shortRef(props.entityRef);
  return (
    <span className={classes.name} title={text}>
      <EntityRefLink
        entityRef={props.entityRef}
        defaultKind={props.defaultKind}
        title={props.title}
      />
    </span>
  );
}

const ReportTableRow = memo(function ReportTableRowContent(props: {
  row: ReportRow;
}) {
  const { row } = props;
  const classes = useStyles();
  return (
    <TableRow hover data-entity-ref={row.entityRef}>
      <TableCell component="th" scope="row">
        <NameLink
          entityRef={row.entityRef}
          defaultKind="component"
          title={row.title ?? row.name}
        />
      </TableCell>
      <TableCell>
        {row.owner ? (
          <NameLink entityRef={row.owner} defaultKind="group" />
        ) : (
          '—'
        )}
      </TableCell>
      <TableCell>
        {row.system ? (
          <NameLink entityRef={row.system} defaultKind="system" />
        ) : (
          '—'
        )}
      </TableCell>
      <TableCell align="right" className={classes.nowrap}>
        {row.goService === false ? (
          <span
            className={classes.notGo}
            title="No go.mod and no Go files: not a Go service, so not scored and in no total"
          >
            Not Go
          </span>
        ) : (
          <>{row.score === undefined ? '—' : `${row.score}%`}</>
        )}
      </TableCell>
      <TableCell align="right">
        <span
          aria-label={`${row.impact} ${nounFor(
            row.impact,
            'entity depends',
            'entities depend',
          )} on it`}
        >
          {row.impact}
        </span>
      </TableCell>
      {lessons.map(l => (
        <TableCell key={l.id} align="center">
          <LessonStatus
            lesson={l}
            status={row.lessons[String(l.id)]}
            goService={row.goService !== false}
          />
        </TableCell>
      ))}
      <TableCell align="right">
        {row.state === 'scanned' ? (
          <span
            aria-label={`${row.waived} waived ${nounFor(
              row.waived,
              'finding',
            )}`}
          >
            {row.waived}
          </span>
        ) : (
          '—'
        )}
      </TableCell>
      <TableCell>
        <LastScan row={row} />
      </TableCell>
    </TableRow>
  );
});

/** A row's status on one lesson, with its meaning as a tooltip; a dash before a scan or for a non-Go service. */
function LessonStatus(props: {
  lesson: (typeof lessons)[number];
  status?: CheckStatus;
  goService: boolean;
}) {
  const { lesson, status, goService } = props;
  if (!goService) {
    return <span title="Not a Go service: its checks are not scored">—</span>;
  }
  if (!status) return <>—</>;
  return (
    <Tooltip
      title={`L${lesson.id} ${lesson.title}: ${statusLabels[status]}. ${statusMeanings[status]}`}
    >
      <span>
        <StatusIcon status={status} />
      </span>
    </Tooltip>
  );
}

/**
 * When the entity was last scanned; for one whose scan failed, "Scan failed" and why
 * (the whole reason in the tooltip and to screen readers, one line of it on screen).
 */
function LastScan(props: { row: ReportRow }) {
  const { row } = props;
  const classes = useStyles();
  const reason = row.error ?? 'unknown error';
  if (row.state === 'failed') {
    return (
      <>
        <span className={classes.failed}>
          <StatusIcon status="error" /> Scan failed
        </span>
        <Typography
          variant="caption"
          component="div"
          className={classes.reason}
          title={reason}
        >
          {reason}
        </Typography>
      </>
    );
  }
  return (
    <>
      {row.scannedAt ? <RelativeTime time={row.scannedAt} /> : 'Not yet'}
      {row.stale && ' (stale)'}
      {row.stale && row.error && (
        <Typography
          variant="caption"
          component="div"
          className={classes.reason}
          title={row.error}
        >
          Last read failed: {row.error}
        </Typography>
      )}
    </>
  );
}

/**
 * One page of the report: service, owner, system, score ("Not Go" for a non-Go service),
 * impact (the catalog entities that depend on the service),
 * a status per lesson (its meaning as a tooltip), the findings waived in the service's
 * `.go-scorecard.yaml` (what that means as the header's tooltip) and the last scan (or "Scan failed" and
 * why); sortable and paged on the server. Names stay on one line (an ellipsis and a
 * tooltip when too long); the table scrolls sideways in a focusable box when the page is
 * narrower.
 */
export function ReportTable(props: {
  rows: ReportRow[];
  totalItems: number;
  view: ReportView;
  onChange: (change: Partial<ReportView>) => void;
}) {
  const { rows, totalItems, view, onChange } = props;
  const orderBy = view.orderBy ?? 'entity';
  const order = view.order ?? 'asc';
  const sortBy = (field: ReportSortField) => {
    const first =
      sortableColumns.find(c => c.field === field)?.firstOrder ?? 'asc';
    const flipped = order === 'asc' ? 'desc' : 'asc';
    onChange({ orderBy: field, order: orderBy === field ? flipped : first });
  };
  const classes = useStyles();
  return (
    <>
      <div
        className={classes.scroller}
        role="region"
        aria-label="Services table, scrolls sideways"
        // Keyboard users scroll it too (WCAG 2.1.1).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
      >
        <Table size="small" aria-label="Go scorecard report">
          <TableHead style={{ whiteSpace: 'nowrap' }}>
            <TableRow>
              {sortableColumns.map(c => (
                <TableCell
                  key={c.field}
                  align={c.numeric ? 'right' : 'left'}
                  sortDirection={orderBy === c.field ? order : false}
                >
                  <TableSortLabel
                    active={orderBy === c.field}
                    direction={orderBy === c.field ? order : 'asc'}
                    onClick={() => sortBy(c.field)}
                  >
                    {c.meaning ? (
                      <Tooltip title={c.meaning}>
                        <span>{c.label}</span>
                      </Tooltip>
                    ) : (
                      c.label
                    )}
                  </TableSortLabel>
                </TableCell>
              ))}
              {lessons.map(l => (
                // Two short lines ("L5" over "shutdown"), so that every column fits at 1280 px.
                <TableCell key={l.id} align="center">
                  <abbr title={`Lesson ${l.id}: ${l.title}`}>L{l.id}</abbr>
                  <br />
                  {l.slug}
                </TableCell>
              ))}
              <TableCell align="right">
                <Tooltip title={WAIVED_MEANING}>
                  <span>Waived</span>
                </Tooltip>
              </TableCell>
              <TableCell
                sortDirection={orderBy === 'scannedAt' ? order : false}
              >
                <TableSortLabel
                  active={orderBy === 'scannedAt'}
                  direction={orderBy === 'scannedAt' ? order : 'asc'}
                  onClick={() => sortBy('scannedAt')}
                >
                  Last scan
                </TableSortLabel>
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map(row => (
              <ReportTableRow key={row.entityRef} row={row} />
            ))}
            {!rows.length && (
              <TableRow>
                <TableCell colSpan={12}>
                  No service matches these filters.
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </div>
      <TablePagination
        component="div"
        count={totalItems}
        page={Math.min(
          view.page,
          Math.max(0, Math.ceil(totalItems / view.pageSize) - 1),
        )}
        rowsPerPage={view.pageSize}
        rowsPerPageOptions={[10, 25, 50, 100]}
        onPageChange={(_e, page) => onChange({ page })}
        onRowsPerPageChange={e =>
          onChange({ pageSize: Number(e.target.value), page: 0 })
        }
      />
    </>
  );
}
