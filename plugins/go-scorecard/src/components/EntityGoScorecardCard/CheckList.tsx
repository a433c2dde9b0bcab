import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  CheckResult,
  compareStatuses,
  countOf,
  Finding,
} from '@internal/plugin-go-scorecard-common';
import { CheckAccordion } from './CheckAccordion';
import { FindingLocation } from './useFindingLocation';
import { FoldedChecks } from './FoldedChecks';
import { splitWaived } from './waivers';

const useStyles = makeStyles(theme => ({
  attention: { marginTop: theme.spacing(2) },
  heading: { fontWeight: 600 },
  folds: { marginTop: theme.spacing(1) },
}));

/** Checks to act on: failed, could not judge, or warned. */
const needsAttention = (check: CheckResult) =>
  check.status === 'fail' ||
  check.status === 'error' ||
  check.status === 'warn';

/** A passing check that would fail or warn but for its waivers. */
const passesByWaivers = (check: CheckResult) =>
  check.status === 'pass' && splitWaived(check).waived > 0;

/**
 * The checks, shortest route to what needs doing first: the failed, error and warning checks
 * (worst first, then in catalog order), then the passing checks and those that do not apply,
 * each folded under its count ("14 passing checks") unless `unfold` is set. The passing
 * fold says how many pass with waived findings ("14 passing checks, 1 with waived
 * findings") and lists those first, so a waiver is not forgotten.
 *
 * @param unfold - show the passing and not applicable checks unfolded (the entity tab)
 */
export function CheckList(props: {
  checks: CheckResult[];
  locate: (finding: Finding) => FindingLocation;
  fixLink: (checkId: string) => string | undefined;
  unfold?: boolean;
}) {
  const { checks, locate, fixLink, unfold } = props;
  const classes = useStyles();
  // Array.prototype.sort is stable: equal statuses keep the catalog's order.
  const attention = checks
    .filter(needsAttention)
    .sort((a, b) => compareStatuses(a.status, b.status));
  // Those passing by waivers first, so they are seen when the fold opens.
  const passing = checks
    .filter(c => c.status === 'pass')
    .sort((a, b) => Number(passesByWaivers(b)) - Number(passesByWaivers(a)));
  const waived = passing.filter(passesByWaivers).length;
  const notApplicable = checks.filter(c => c.status === 'not_applicable');
  const headingId = 'go-scorecard-attention';
  return (
    <>
      <section className={classes.attention} aria-labelledby={headingId}>
        <Typography
          variant="subtitle1"
          component="h4"
          id={headingId}
          className={classes.heading}
        >
          {attention.length
            ? `Needs attention: ${countOf(attention.length, 'check')}`
            : 'Nothing needs attention'}
        </Typography>
        {attention.map(check => (
          <CheckAccordion
            key={check.id}
            check={check}
            locate={locate}
            fixLink={fixLink(check.id)}
          />
        ))}
      </section>
      <div className={classes.folds}>
        <FoldedChecks
          id="go-scorecard-passing"
          status="pass"
          label={
            countOf(passing.length, 'passing check') +
            (waived
              ? `, ${waived.toLocaleString('en-US')} with waived findings`
              : '')
          }
          checks={passing}
          locate={locate}
          fixLink={fixLink}
          defaultExpanded={unfold}
        />
        <FoldedChecks
          id="go-scorecard-not-applicable"
          status="not_applicable"
          label={countOf(
            notApplicable.length,
            'check does not apply',
            'checks do not apply',
          )}
          checks={notApplicable}
          locate={locate}
          fixLink={fixLink}
          defaultExpanded={unfold}
        />
      </div>
    </>
  );
}
