import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { countOf, getCheck } from '@internal/plugin-go-scorecard-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { goScorecardApiRef } from '../../api/GoScorecardApi';
import {
  EXPIRING_SOON_DAYS,
  expiryNotice,
} from '../EntityGoScorecardCard/waivers';
import { useCheckFixLink } from '../EntityGoScorecardCard/useLessonLink';

const TITLE = `Waivers expiring within ${EXPIRING_SOON_DAYS} days`;

/**
 * The waived findings whose waiver (in the repository's `.go-scorecard.yaml`) expires
 * within 30 days, of the given teams (every team when none), soonest first: team,
 * service, check, the finding's place, the reason and when the waiver ends. When it
 * does, the finding counts again: the team sees that coming.
 */
export function ExpiringWaiversCard(props: { owners?: string[] }) {
  const api = useApi(goScorecardApiRef);
  const fixLink = useCheckFixLink();
  const owners = props.owners ?? [];
  const key = owners.join(',');
  const waivers = useAsyncRetry(
    () =>
      api.getExpiringWaivers({
        owners: owners.length ? owners : undefined,
        days: EXPIRING_SOON_DAYS,
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, key],
  );

  return (
    <InfoCard
      title={TITLE}
      subheader="Findings waived in a repository's .go-scorecard.yaml count again once their waiver expires: renew the waiver with a reason in code review, or fix them"
      titleTypographyProps={{ component: 'h2' }}
    >
      {waivers.loading && <Progress />}
      {waivers.error && (
        <>
          <ResponseErrorPanel error={waivers.error} />
          <Box mt={1}>
            <Button
              variant="outlined"
              color="primary"
              onClick={waivers.retry}
              aria-label="Retry loading the expiring waivers"
            >
              Retry
            </Button>
          </Box>
        </>
      )}
      {waivers.value && !waivers.value.items.length && (
        <Typography>
          None: no waiver of {owners.length ? 'these teams' : 'any team'}{' '}
          expires within {EXPIRING_SOON_DAYS} days.
        </Typography>
      )}
      {waivers.value && waivers.value.items.length > 0 && (
        <>
          <Table size="small" aria-label={TITLE}>
            <TableHead>
              <TableRow>
                <TableCell>Team</TableCell>
                <TableCell>Service</TableCell>
                <TableCell>Check</TableCell>
                <TableCell>Finding</TableCell>
                <TableCell>Reason</TableCell>
                <TableCell>Expires</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {waivers.value.items.map(w => {
                const href = fixLink(w.checkId);
                const check = getCheck(w.checkId)?.title ?? w.checkId;
                return (
                  <TableRow
                    key={`${w.entityRef} ${w.checkId} ${w.path}:${w.line}`}
                  >
                    <TableCell>
                      {w.owner ? (
                        <EntityRefLink
                          entityRef={w.owner}
                          defaultKind="group"
                        />
                      ) : (
                        '—'
                      )}
                    </TableCell>
                    <TableCell component="th" scope="row">
                      <EntityRefLink entityRef={w.entityRef} title={w.title} />
                    </TableCell>
                    <TableCell>
                      {href ? <Link to={href}>{check}</Link> : check}
                    </TableCell>
                    <TableCell>
                      <code>
                        {w.path}:{w.line}
                      </code>
                      <Typography variant="caption" component="div">
                        waived at <code>{w.source}</code>
                      </Typography>
                    </TableCell>
                    <TableCell>{w.reason}</TableCell>
                    <TableCell>
                      {w.expires}
                      <Typography variant="caption" component="div">
                        {expiryNotice(w.expires)}
                      </Typography>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
          {waivers.value.totalItems > waivers.value.items.length && (
            <Typography variant="caption" component="p">
              The first {waivers.value.items.length} of{' '}
              {countOf(waivers.value.totalItems, 'expiring waiver')}.
            </Typography>
          )}
        </>
      )}
    </InfoCard>
  );
}
