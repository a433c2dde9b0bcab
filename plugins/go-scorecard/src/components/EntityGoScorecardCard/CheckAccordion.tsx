import { Link } from '@backstage/core-components';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import {
  CheckResult,
  countOf,
  Finding,
  getCheck,
  getLesson,
} from '@internal/plugin-go-scorecard-common';
import { StatusIcon } from '../StatusIcon';
import { FindingItem } from './FindingItem';
import { MessageMarkdown } from './MessageMarkdown';
import { FindingLocation } from './useFindingLocation';
import { WaivedFindings } from './WaivedFindings';
import { WaiverLine } from './WaiverLine';
import { splitWaived } from './waivers';

const useStyles = makeStyles(theme => ({
  summary: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    width: '100%',
  },
  text: { flex: 1, minWidth: 0 },
  details: { display: 'block' },
  lesson: { marginTop: theme.spacing(1) },
  findings: { margin: theme.spacing(1, 0), padding: 0 },
  more: { marginBottom: theme.spacing(1.5) },
  accordion: { '&:before': { display: 'none' } },
  chips: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(0.5) },
}));

/** A count as people read it: `9,900`. */
const formatCount = (n: number) => n.toLocaleString('en-US');

/**
 * One check: status, title (the rule, so a pass reads as "fine"), its true count of findings
 * that count and of waived ones ("1 finding", "2 waived"; a check that passes only because
 * its findings are waived says "passes with 2 waived"), and on a second line its message,
 * such as why it does not apply or could not judge, visible without expanding. Expands to
 * its description, its counted findings (at most the backend's cap, with a line saying how
 * many more there are), its waived findings folded under their count, its lesson and a
 * "How to fix" link ("About the rule" where nothing is to fix).
 */
export function CheckAccordion(props: {
  check: CheckResult;
  locate: (finding: Finding) => FindingLocation;
  fixLink?: string;
}) {
  const { check, locate, fixLink } = props;
  const classes = useStyles();
  const definition = getCheck(check.id);
  const title = definition?.title ?? check.id;
  const { counted, waived, countedShown, waivedShown } = splitWaived(check);
  const shown = countedShown.length;
  const lesson = getLesson(check.lesson);
  const summaryId = `go-scorecard-check-${check.id}`;
  return (
    <Accordion
      square
      elevation={0}
      className={classes.accordion}
      TransitionProps={{ unmountOnExit: true }}
    >
      <AccordionSummary
        expandIcon={<ExpandMoreIcon />}
        id={summaryId}
        aria-controls={`${summaryId}-details`}
      >
        <div className={classes.summary}>
          <StatusIcon status={check.status} />
          <div className={classes.text}>
            <Typography variant="body2" component="span">
              {title}
            </Typography>
            {check.message && (
              <MessageMarkdown
                message={check.message}
                links={false}
                color="textSecondary"
              />
            )}
          </div>
          {(counted > 0 || waived > 0) && (
            <span className={classes.chips}>
              {counted > 0 && (
                <Chip size="small" label={countOf(counted, 'finding')} />
              )}
              {waived > 0 && (
                <Chip
                  size="small"
                  variant="outlined"
                  label={
                    check.status === 'pass' && counted === 0
                      ? `passes with ${formatCount(waived)} waived`
                      : `${formatCount(waived)} waived`
                  }
                />
              )}
            </span>
          )}
        </div>
      </AccordionSummary>
      <AccordionDetails className={classes.details} id={`${summaryId}-details`}>
        {definition && (
          // The catalog's description says when the check fails: labelled so, it reads
          // right under a passing check too.
          <MessageMarkdown
            message={`**Fails when:** ${definition.description}`}
            color="textSecondary"
          />
        )}
        {shown > 0 && (
          <ul className={classes.findings} aria-label={`Findings of ${title}`}>
            {countedShown.map((finding: Finding) => (
              <FindingItem
                key={`${finding.path}:${finding.line}:${finding.message}`}
                finding={finding}
                {...locate(finding)}
              >
                {finding.expiredWaiver && (
                  <WaiverLine
                    waiver={finding.expiredWaiver}
                    locate={locate}
                    expired
                  />
                )}
              </FindingItem>
            ))}
          </ul>
        )}
        {counted > shown && (
          <Typography
            variant="body2"
            color="textSecondary"
            className={classes.more}
          >
            {shown
              ? `and ${formatCount(
                  counted - shown,
                )} more (showing the first ${formatCount(shown)})`
              : `${countOf(
                  counted,
                  'finding',
                )} not listed (the list is capped)`}
          </Typography>
        )}
        <WaivedFindings
          id={`${summaryId}-waived`}
          title={title}
          findings={waivedShown}
          total={waived}
          locate={locate}
        />
        {lesson && (
          <Typography
            variant="body2"
            color="textSecondary"
            className={classes.lesson}
          >
            {`Lesson ${lesson.id}: ${lesson.title}`}
          </Typography>
        )}
        {fixLink &&
          (check.status === 'fail' || check.status === 'warn' ? (
            <Link to={fixLink} aria-label={`How to fix: ${title}`}>
              How to fix
            </Link>
          ) : (
            <Link to={fixLink} aria-label={`About the rule: ${title}`}>
              About the rule
            </Link>
          ))}
      </AccordionDetails>
    </Accordion>
  );
}
