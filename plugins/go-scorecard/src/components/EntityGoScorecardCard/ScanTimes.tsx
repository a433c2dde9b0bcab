import { EntityResult } from '../../api/types';
import { RelativeTime } from '../common/RelativeTime';

/**
 * When the source was last read and when its content last changed: "Checked 2 minutes ago ·
 * content unchanged since 3 days ago". A read that finds the same content (same commit or
 * content hash) moves only `checkedAt`; the analysis, and `scannedAt`, run when it changed.
 * One time when both are the same read: "Checked and analysed 2 minutes ago".
 */
export function ScanTimes(props: {
  result: Pick<EntityResult, 'checkedAt' | 'scannedAt'>;
}) {
  const { checkedAt, scannedAt } = props.result;
  if (!scannedAt) return <>Not scanned yet</>;
  if (!checkedAt || Date.parse(checkedAt) <= Date.parse(scannedAt)) {
    return (
      <>
        Checked and analysed <RelativeTime time={scannedAt} />
      </>
    );
  }
  return (
    <>
      Checked <RelativeTime time={checkedAt} /> · content unchanged since{' '}
      <RelativeTime time={scannedAt} />
    </>
  );
}
