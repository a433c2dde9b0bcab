import { makeStyles } from '@material-ui/core/styles';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import WarningIcon from '@material-ui/icons/Warning';
import CancelIcon from '@material-ui/icons/Cancel';
import RemoveCircleOutlineIcon from '@material-ui/icons/RemoveCircleOutline';
import ErrorOutlineIcon from '@material-ui/icons/ErrorOutline';
import { CheckStatus } from '@internal/plugin-go-scorecard-common';
import { statusLabels } from './statusLabels';

const useStyles = makeStyles(theme => ({
  pass: { color: theme.palette.success.main },
  warn: { color: theme.palette.warning.dark },
  fail: { color: theme.palette.error.main },
  not_applicable: { color: theme.palette.text.secondary },
  error: { color: theme.palette.error.dark },
  label: { marginLeft: theme.spacing(0.5) },
  root: {
    display: 'inline-flex',
    alignItems: 'center',
    verticalAlign: 'middle',
  },
}));

const icons = {
  pass: CheckCircleIcon,
  warn: WarningIcon,
  fail: CancelIcon,
  not_applicable: RemoveCircleOutlineIcon,
  error: ErrorOutlineIcon,
};

/**
 * A check status as an icon whose shape differs per status (not colour alone), named for
 * screen readers; `showLabel` also prints the word.
 */
export function StatusIcon(props: {
  status: CheckStatus;
  showLabel?: boolean;
  fontSize?: 'small' | 'default' | 'inherit';
}) {
  const { status, showLabel, fontSize = 'small' } = props;
  const classes = useStyles();
  const Icon = icons[status];
  const label = statusLabels[status];
  return (
    <span className={classes.root}>
      <Icon
        className={classes[status]}
        fontSize={fontSize}
        titleAccess={showLabel ? undefined : label}
      />
      {showLabel && <span className={classes.label}>{label}</span>}
    </span>
  );
}
