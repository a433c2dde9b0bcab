import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { countOf, Finding } from '@internal/plugin-go-scorecard-common';
import { FindingItem } from './FindingItem';
import { FindingLocation } from './useFindingLocation';
import { WaiverLine } from './WaiverLine';

const useStyles = makeStyles(theme => ({
  accordion: {
    margin: theme.spacing(1, 0),
    background: 'transparent',
    '&:before': { display: 'none' },
    '&.Mui-expanded': { margin: theme.spacing(1, 0) },
  },
  summary: { paddingLeft: 0 },
  details: { display: 'block', padding: theme.spacing(0, 0, 1, 0) },
  list: { margin: 0, padding: 0 },
}));

/**
 * A check's waived findings, folded under their count ("2 waived findings"): expanded, each
 * finding as on the rest of the card (its `file:line` linked the same way), with the waiver's
 * reason, "waived until <expires>" ("expires in N days" within 30 days) and a link to the
 * waiver's line of `.go-scorecard.yaml` at the scanned revision. Nothing when there are none.
 *
 * @param id - unique on the page: the ids of the fold's summary and details derive from it
 * @param title - the check's title, naming the list
 * @param findings - the waived findings the result lists
 * @param total - the true number of waived findings (the list may be capped)
 */
export function WaivedFindings(props: {
  id: string;
  title: string;
  findings: Finding[];
  total: number;
  locate: (finding: Finding) => FindingLocation;
}) {
  const { id, title, findings, total, locate } = props;
  const classes = useStyles();
  if (total <= 0) return null;
  return (
    <Accordion
      square
      elevation={0}
      className={classes.accordion}
      TransitionProps={{ unmountOnExit: true }}
    >
      <AccordionSummary
        expandIcon={<ExpandMoreIcon />}
        id={id}
        aria-controls={`${id}-details`}
        className={classes.summary}
      >
        <Typography variant="body2" component="span">
          {countOf(total, 'waived finding')}
        </Typography>
      </AccordionSummary>
      <AccordionDetails className={classes.details} id={`${id}-details`}>
        {findings.length > 0 && (
          <ul
            className={classes.list}
            aria-label={`Waived findings of ${title}`}
          >
            {findings.map(finding => (
              <FindingItem
                key={`${finding.path}:${finding.line}:${finding.message}`}
                finding={finding}
                {...locate(finding)}
              >
                {finding.waiver && (
                  <WaiverLine waiver={finding.waiver} locate={locate} />
                )}
              </FindingItem>
            ))}
          </ul>
        )}
        {total > findings.length && (
          <Typography variant="body2" color="textSecondary">
            {findings.length
              ? `and ${(total - findings.length).toLocaleString(
                  'en-US',
                )} more, not in the listed findings`
              : 'not in the listed findings (the list is capped)'}
          </Typography>
        )}
      </AccordionDetails>
    </Accordion>
  );
}
