import { CodeSnippet, EmptyState } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';

/** Why the card has nothing to show. */
export type EmptyReason = 'no-source-location' | 'not-scanned' | 'not-go';

const annotationExample = `metadata:
  annotations:
    backstage.io/source-location: url:https://github.com/acme/my-service/tree/main/`;

/** The card's empty states, each saying what to do about it. */
export function ScorecardEmptyState(props: { reason: EmptyReason }) {
  const { reason } = props;
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
  return (
    <EmptyState
      missing="info"
      title="Not scanned by the Go scorecard"
      description={
        <Typography variant="body1" component="span">
          This entity is not among those the scorecard scans (its kind or type
          is not selected, or it has the annotation go-scorecard/enabled:
          "false"). A new entity is picked up on the next catalog sync.
        </Typography>
      }
    />
  );
}
