import { useTheme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { countOf } from '@internal/plugin-go-scorecard-common';
import { HistoryPoint } from '../../api/types';

const WIDTH = 600;
const HEIGHT = 180;
/** Room for the axes: the score labels left, the dates below. */
const LEFT = 56;
const RIGHT = 24;
const TOP = 12;
const BOTTOM = 44;

const dayFormat = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});
const tickFormat = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

/** A trend point's day (points are UTC days), e.g. "Nov 30, 2026". */
function day(time: number): string {
  return dayFormat.format(new Date(time));
}

/**
 * How the waived findings moved between two points, when both know it and there are
 * any: a score that rose while findings were waived is debt waived, not fixed.
 */
function waivedSummary(from: HistoryPoint, to: HistoryPoint): string {
  if (from.waived === undefined || to.waived === undefined) return '';
  if (!from.waived && !to.waived) return '';
  const waivedMore =
    to.waived > from.waived && (to.score ?? 0) > (from.score ?? 0);
  return ` Waived findings: ${from.waived}, then ${to.waived}${
    waivedMore ? ': part of the rise is waived, not fixed' : ''
  }.`;
}

/**
 * The score over time as a line with labelled axes (date, score in %), and a text summary
 * for screen readers (with how the waived findings moved, when any were). With one point, says "one scan so far" instead of drawing a lone dot.
 */
export function TrendChart(props: { points: HistoryPoint[]; title?: string }) {
  const { points, title = 'Score over time' } = props;
  const theme = useTheme();
  const scored = points.filter(p => p.score !== undefined) as (HistoryPoint & {
    score: number;
  })[];
  if (!scored.length) {
    return <Typography variant="body2">No history yet.</Typography>;
  }
  const last = scored[scored.length - 1];
  if (scored.length === 1) {
    return (
      <Typography variant="body2">
        One scan so far: {last.score}% on {day(last.time)}. The line starts with
        the next day's scan.
      </Typography>
    );
  }
  const first = scored[0].time;
  const span = Math.max(1, last.time - first);
  const x = (t: number) => LEFT + ((t - first) / span) * (WIDTH - LEFT - RIGHT);
  const y = (s: number) => TOP + (1 - s / 100) * (HEIGHT - TOP - BOTTOM);
  const path = scored
    .map(
      (p, i) =>
        `${i ? 'L' : 'M'}${x(p.time).toFixed(1)},${y(p.score).toFixed(1)}`,
    )
    .join(' ');
  const summary = `${title}: ${scored[0].score}% on ${day(first)}, ${
    last.score
  }% on ${day(last.time)} (${scored.length} days).${waivedSummary(
    scored[0],
    last,
  )}`;
  const middle = scored[Math.floor(scored.length / 2)];
  const dateTicks = [scored[0], ...(scored.length > 2 ? [middle] : []), last];
  const text = {
    fill: theme.palette.text.secondary,
    fontSize: 12,
    fontFamily: theme.typography.fontFamily,
  };
  const bottom = HEIGHT - BOTTOM;
  return (
    <figure style={{ margin: 0 }}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-label={summary}
        style={{ maxHeight: HEIGHT * 1.5 }}
      >
        {[0, 50, 100].map(s => (
          <g key={s} aria-hidden>
            <line
              x1={LEFT}
              x2={WIDTH - RIGHT}
              y1={y(s)}
              y2={y(s)}
              stroke={theme.palette.divider}
              strokeDasharray={s === 0 ? undefined : '4 4'}
            />
            <text
              x={LEFT - 6}
              y={y(s)}
              textAnchor="end"
              dominantBaseline="middle"
              {...text}
            >
              {s}%
            </text>
          </g>
        ))}
        <text
          aria-hidden
          transform={`translate(12 ${(TOP + bottom) / 2}) rotate(-90)`}
          textAnchor="middle"
          dominantBaseline="middle"
          {...text}
        >
          Score (%)
        </text>
        {dateTicks.map((p, i) => (
          <text
            key={`${p.time}-${i}`}
            aria-hidden
            x={x(p.time)}
            y={bottom + 16}
            textAnchor={
              (i === 0 && 'start') ||
              (i === dateTicks.length - 1 && 'end') ||
              'middle'
            }
            {...text}
          >
            {tickFormat.format(new Date(p.time))}
          </text>
        ))}
        <text
          aria-hidden
          x={(LEFT + WIDTH - RIGHT) / 2}
          y={HEIGHT - 4}
          textAnchor="middle"
          {...text}
        >
          Date (UTC)
        </text>
        <path
          d={path}
          fill="none"
          stroke={theme.palette.primary.main}
          strokeWidth={2}
        />
        {scored.map(p => (
          <circle
            key={p.time}
            cx={x(p.time)}
            cy={y(p.score)}
            r={3}
            fill={theme.palette.primary.main}
          >
            <title>{`${day(p.time)}: ${p.score}%${
              p.waived ? `, ${countOf(p.waived, 'waived finding')}` : ''
            }`}</title>
          </circle>
        ))}
      </svg>
      <Typography variant="caption" component="figcaption">
        {summary}
      </Typography>
    </figure>
  );
}
