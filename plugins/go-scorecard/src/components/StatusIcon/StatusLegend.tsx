import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { CheckStatus } from '@internal/plugin-go-scorecard-common';
import { StatusIcon } from './StatusIcon';
import { legendStatuses, statusMeanings } from './statusMeanings';

const useStyles = makeStyles(theme => ({
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5, 2),
    margin: 0,
    padding: 0,
    listStyle: 'none',
  },
  item: { display: 'inline-flex', alignItems: 'center' },
}));

/**
 * The status legend: each status's icon and word, with its meaning as a tooltip, so a newcomer
 * can read every icon on the card, the report and the team view.
 *
 * @param statuses - the statuses to explain; default all, worst first
 */
export function StatusLegend(props: { statuses?: readonly CheckStatus[] }) {
  const classes = useStyles();
  const statuses = props.statuses ?? legendStatuses;
  return (
    <Typography component="div" variant="caption" color="textSecondary">
      <ul className={classes.list} aria-label="Status legend">
        {statuses.map(status => (
          <li
            key={status}
            className={classes.item}
            title={statusMeanings[status]}
          >
            <StatusIcon status={status} showLabel />
          </li>
        ))}
      </ul>
    </Typography>
  );
}
