import { CodeSnippet, EmptyState } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { countOf } from '@internal/plugin-go-scorecard-common';

/**
 * Why the card has nothing to show: `not-synced` = selected but not picked up yet (the
 * catalog sync does within its interval); `not-selected` = the scorecard does not scan it.
 */
export type EmptyReason =
  | 'no-source-location'
  | 'not-synced'
  | 'not-selected'
  | 'not-go';

const annotationExample = `metadata:
  annotations:
    backstage.io/source-location: url:https://github.com/acme/my-service/tree/main/`;

/** The card's empty states, each saying what to do about it. */
export function ScorecardEmptyState(props: {
  reason: EmptyReason;
  /** With `not-synced`: how often the scorecard copies entities from the catalog. */
  syncIntervalSeconds?: number;
}) {
  const { reason, syncIntervalSeconds } = props;
  if (reason === 'no-source-location') {
    return (
      <EmptyState
        missing="field"
        title="No source location"
        description="The Go scorecard reads a service's code from its source location. Add the backstage.io/source-location annotation to the entity's catalog-info.yaml:"
        action={<CodeSnippet language="yaml" text={annotationExample} />}
      />
    );
  }
  if (reason === 'not-go') {
    return (
      <EmptyState
        missing="info"
        title="Not a Go service"
        description="No go.mod and no Go files were found at the source location. If this is a Go service, point its backstage.io/source-location annotation at the folder with go.mod."
      />
    );
  }
  if (reason === 'not-synced') {
    const within =
      syncIntervalSeconds === undefined
        ? 'shortly after start'
        : `within ${countOf(syncIntervalSeconds, 'second')} of start`;
    return (
      <EmptyState
        missing="info"
        title="Not scanned yet"
        description={
          <Typography variant="body1" component="span">
            Not scanned yet: the scorecard has not picked this entity up (it
            does {within} or of the entity's arrival in the catalog), then scans
            it. This card looks again by itself.
          </Typography>
        }
      />
    );
  }
  return (
    <EmptyState
      missing="info"
      title="Not scanned by the Go scorecard"
      description={
        <Typography variant="body1" component="span">
          This entity is not selected: it is not among those the scorecard scans
          (its kind or type is not selected, or it has the annotation
          go-scorecard/enabled: "false").
        </Typography>
      }
    />
  );
}
