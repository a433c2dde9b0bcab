import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import RefreshIcon from '@material-ui/icons/Refresh';
import { usePermission } from '@backstage/plugin-permission-react';
import { goScorecardScanTriggerPermission } from '@internal/plugin-go-scorecard-common';

/** "Scan now", shown only when the user may trigger a scan of this entity. */
export function ScanNowButton(props: {
  entityRef: string;
  scanning: boolean;
  onScan: () => void;
}) {
  const { entityRef, scanning, onScan } = props;
  const { allowed, loading } = usePermission({
    permission: goScorecardScanTriggerPermission,
    resourceRef: entityRef,
  });
  if (loading || !allowed) return null;
  return (
    <Button
      variant="outlined"
      size="small"
      onClick={onScan}
      disabled={scanning}
      startIcon={
        scanning ? <CircularProgress size={16} aria-hidden /> : <RefreshIcon />
      }
    >
      {scanning ? 'Scanning…' : 'Scan now'}
    </Button>
  );
}
