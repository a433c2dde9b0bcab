import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import {
  CheckResult,
  CheckStatus,
  Finding,
} from '@internal/plugin-go-scorecard-common';
import { StatusIcon } from '../StatusIcon';
import { CheckAccordion } from './CheckAccordion';
import { FindingLocation } from './useFindingLocation';

const useStyles = makeStyles(theme => ({
  accordion: { '&:before': { display: 'none' } },
  summary: { display: 'flex', alignItems: 'center', gap: theme.spacing(1) },
  details: { display: 'block', padding: theme.spacing(0, 0, 1, 2) },
}));

/**
 * Checks that need nothing done (passing, or not applicable), folded under one line with their
 * count and status icon, such as "14 passing checks"; expanded, each check as on the rest of
 * the card. Nothing when there are none.
 *
 * @param id - unique on the page: the ids of the fold's summary and details derive from it
 * @param status - the status whose icon heads the fold
 * @param label - the fold's line, with its count: "14 passing checks"
 * @param defaultExpanded - unfolded at first
 */
export function FoldedChecks(props: {
  id: string;
  status: CheckStatus;
  label: string;
  checks: CheckResult[];
  locate: (finding: Finding) => FindingLocation;
  fixLink: (checkId: string) => string | undefined;
  defaultExpanded?: boolean;
}) {
  const { id, status, label, checks, locate, fixLink, defaultExpanded } = props;
  const classes = useStyles();
  if (!checks.length) return null;
  return (
    <Accordion
      square
      elevation={0}
      className={classes.accordion}
      defaultExpanded={defaultExpanded}
      TransitionProps={{ unmountOnExit: true }}
    >
      <AccordionSummary
        expandIcon={<ExpandMoreIcon />}
        id={id}
        aria-controls={`${id}-details`}
      >
        <div className={classes.summary}>
          <StatusIcon status={status} />
          <Typography variant="body2" component="span">
            {label}
          </Typography>
        </div>
      </AccordionSummary>
      <AccordionDetails className={classes.details} id={`${id}-details`}>
        <div>
          {checks.map(check => (
            <CheckAccordion
              key={check.id}
              check={check}
              locate={locate}
              fixLink={fixLink(check.id)}
            />
          ))}
        </div>
      </AccordionDetails>
    </Accordion>
  );
}
