import { useTheme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { HistoryPoint } from '../../api/types';

const WIDTH = 600;
const HEIGHT = 120;
const PAD = 24;

/** The score over time as a line, with a text summary for screen readers. */
export function TrendChart(props: { points: HistoryPoint[]; title?: string }) {
  const { points, title = 'Score over time' } = props;
  const theme = useTheme();
  const scored = points.filter(p => p.score !== undefined) as (HistoryPoint & {
    score: number;
  })[];
  if (!scored.length) {
    return <Typography variant="body2">No history yet.</Typography>;
  }
  const first = scored[0].time;
  const span = Math.max(1, scored[scored.length - 1].time - first);
  const x = (t: number) => PAD + ((t - first) / span) * (WIDTH - 2 * PAD);
  const y = (s: number) => HEIGHT - PAD - (s / 100) * (HEIGHT - 2 * PAD);
  const path = scored
    .map(
      (p, i) =>
        `${i ? 'L' : 'M'}${x(p.time).toFixed(1)},${y(p.score).toFixed(1)}`,
    )
    .join(' ');
  const last = scored[scored.length - 1];
  const day = (t: number) => new Date(t).toLocaleDateString();
  // One point is one day so far: said once, not as a range from it to itself.
  const summary =
    scored.length === 1
      ? `${title}: ${last.score}% on ${day(last.time)} (one day so far).`
      : `${title}: ${scored[0].score}% on ${day(first)}, ${
          last.score
        }% on ${day(last.time)} (${scored.length} days).`;
  return (
    <figure style={{ margin: 0 }}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-label={summary}
        style={{ maxHeight: HEIGHT }}
      >
        <line
          x1={PAD}
          x2={WIDTH - PAD}
          y1={y(0)}
          y2={y(0)}
          stroke={theme.palette.divider}
        />
        <line
          x1={PAD}
          x2={WIDTH - PAD}
          y1={y(100)}
          y2={y(100)}
          stroke={theme.palette.divider}
          strokeDasharray="4 4"
        />
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
            <title>{`${day(p.time)}: ${p.score}%`}</title>
          </circle>
        ))}
      </svg>
      <Typography variant="caption" component="figcaption">
        {summary}
      </Typography>
    </figure>
  );
}
