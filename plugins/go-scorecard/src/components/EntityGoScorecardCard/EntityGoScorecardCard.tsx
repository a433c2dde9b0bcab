import { useCallback, useEffect, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  ANNOTATION_SOURCE_LOCATION,
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import Button from '@material-ui/core/Button';
import { Alert } from '@material-ui/lab';
import { makeStyles } from '@material-ui/core/styles';
import { statusesWorstFirst } from '@internal/plugin-go-scorecard-common';
import { goScorecardApiRef } from '../../api/GoScorecardApi';
import { EntityResult } from '../../api/types';
import { errorMessage } from '../common/errorMessage';
import { StatusLegend } from '../StatusIcon';
import { CheckList } from './CheckList';
import { isGoService } from './isGoService';
import { ScanNotes } from './ScanNotes';
import { scanNowMessage } from './scanNowMessage';
import { ScanNowButton } from './ScanNowButton';
import { ScorecardEmptyState } from './ScorecardEmptyState';
import { ScorecardSummary } from './ScorecardSummary';
import { useFindingLocation } from './useFindingLocation';
import { useCheckFixLink } from './useLessonLink';

/** How often the card looks again while the entity's first scan is still to come. */
export const FIRST_SCAN_POLL_MS = 10_000;
/** How many times it looks (two minutes: new entities are scanned within one). */
const FIRST_SCAN_POLLS = 12;

const useStyles = makeStyles(theme => ({
  legend: { marginTop: theme.spacing(2) },
}));

/** What the card knows: loading, the result (undefined = not selected for scanning), or the error. */
type CardState =
  | { status: 'loading' }
  | { status: 'loaded'; result: EntityResult | undefined }
  | { status: 'error'; error: Error };

/**
 * The Go scorecard of the current entity: score and status, when the source was last checked
 * and last changed, a legend of the statuses shown, the checks that need attention with their
 * findings and fixes (the passing and not applicable ones folded under their count), and
 * "Scan now" for those allowed to.
 *
 * @param unfold - show the passing and not applicable checks unfolded (the entity tab)
 */
export function EntityGoScorecardCard(props: { unfold?: boolean }) {
  const { unfold } = props;
  const { entity } = useEntity();
  const api = useApi(goScorecardApiRef);
  const entityRef = stringifyEntityRef(entity);
  const [reload, setReload] = useState(0);
  const [state, setState] = useState<CardState>({ status: 'loading' });
  const [scan, setScan] = useState<{
    running: boolean;
    message?: string;
    error?: string;
  }>({
    running: false,
  });

  useAsync(async () => {
    try {
      const result = await api.getEntityResult(getCompoundEntityRef(entity));
      setState({ status: 'loaded', result });
    } catch (error) {
      setState({ status: 'error', error: error as Error });
    }
  }, [api, entityRef, reload]);

  const result = state.status === 'loaded' ? state.result : undefined;
  const locate = useFindingLocation(result?.root, result?.commit);
  const fixLink = useCheckFixLink();

  const scanNow = useCallback(async () => {
    setScan({ running: true });
    try {
      const scanned = await api.scanEntity(getCompoundEntityRef(entity));
      setState({ status: 'loaded', result: scanned });
      setScan({ running: false, message: scanNowMessage(result, scanned) });
    } catch (error) {
      // 429: scanned on request within the cooldown; the message says when the next is allowed.
      if ((error as { statusCode?: number })?.statusCode === 429) {
        setScan({ running: false, message: errorMessage(error) });
      } else {
        setScan({
          running: false,
          error: `Scan failed: ${errorMessage(error)}`,
        });
      }
    }
  }, [api, entity, result]);

  const scanState =
    result && 'scan' in result
      ? (result as { scan: { state: string } }).scan.state
      : undefined;
  useEffect(() => {
    if (scanState !== 'running' && scanState !== 'queued') return undefined;
    const timer = setTimeout(() => setReload(n => n + 1), 5000);
    return () => clearTimeout(timer);
  }, [scanState]);

  // A selected entity is synced and scanned within a minute: until its first result is
  // in, look again now and then instead of showing "not scanned yet" until a reload.
  // Not found means not selected: the backend says `unsynced` for one it has yet to sync.
  const hasSource = Boolean(
    entity.metadata.annotations?.[ANNOTATION_SOURCE_LOCATION],
  );
  const awaitingFirstScan =
    state.status === 'loaded' &&
    (result?.state === 'unsynced' || result?.state === 'pending');
  const [polls, setPolls] = useState(0);
  useEffect(() => {
    if (!awaitingFirstScan || polls >= FIRST_SCAN_POLLS) return undefined;
    const timer = setTimeout(() => {
      setPolls(n => n + 1);
      setReload(n => n + 1);
    }, FIRST_SCAN_POLL_MS);
    return () => clearTimeout(timer);
  }, [awaitingFirstScan, polls]);

  const action =
    state.status === 'loaded' && result ? (
      <ScanNowButton
        entityRef={entityRef}
        scanning={scan.running}
        onScan={scanNow}
      />
    ) : undefined;

  return (
    <InfoCard
      title="Go scorecard"
      titleTypographyProps={{ component: 'h3' }}
      action={action}
    >
      <div aria-live="polite">
        {scan.message && <Alert severity="info">{scan.message}</Alert>}
        {scan.error && <Alert severity="error">{scan.error}</Alert>}
      </div>
      {state.status === 'loading' && (
        <Progress aria-label="Loading the Go scorecard" />
      )}
      {state.status === 'error' && (
        <>
          <ResponseErrorPanel
            error={state.error}
            title="Could not load the Go scorecard"
          />
          <Button onClick={() => setReload(n => n + 1)}>Retry</Button>
        </>
      )}
      {state.status === 'loaded' && !result && (
        <ScorecardEmptyState
          reason={hasSource ? 'not-selected' : 'no-source-location'}
        />
      )}
      {result && (
        <ScorecardBody
          result={result}
          locate={locate}
          fixLink={fixLink}
          unfold={unfold}
        />
      )}
    </InfoCard>
  );
}

function ScorecardBody(props: {
  result: EntityResult;
  locate: ReturnType<typeof useFindingLocation>;
  fixLink: ReturnType<typeof useCheckFixLink>;
  unfold?: boolean;
}) {
  const { result, locate, fixLink, unfold } = props;
  const classes = useStyles();
  if (result.state === 'unsynced') {
    return (
      <ScorecardEmptyState
        reason="not-synced"
        syncIntervalSeconds={result.syncIntervalSeconds}
      />
    );
  }
  if (result.state === 'pending') {
    return (
      <Alert severity="info">
        Not scanned yet: the first scan is queued
        {result.scanning ? ' and running' : ''}.
      </Alert>
    );
  }
  if (!isGoService(result)) {
    // The notes may say why: a go.mod skipped as binary or too large, say.
    return (
      <>
        <ScorecardEmptyState reason="not-go" />
        <ScanNotes notes={result.notes} locate={locate} />
      </>
    );
  }
  return (
    <>
      {result.state === 'failed' && (
        <Alert severity="error">
          The source could not be read, so no check ran:{' '}
          {result.error ?? 'unknown error'}
        </Alert>
      )}
      {result.state === 'scanned' && result.stale && (
        <Alert severity="warning">
          These results may be out of date: they are from the last successful
          scan, and the latest read of the source failed:{' '}
          {result.error ?? 'unknown error'}
        </Alert>
      )}
      {result.state === 'scanned' && <ScorecardSummary result={result} />}
      <div className={classes.legend}>
        <StatusLegend
          statuses={statusesWorstFirst.filter(status =>
            result.checks.some(c => c.status === status),
          )}
        />
      </div>
      <ScanNotes notes={result.notes} locate={locate} />
      <CheckList
        checks={result.checks}
        locate={locate}
        fixLink={fixLink}
        unfold={unfold}
      />
    </>
  );
}
