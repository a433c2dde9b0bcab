import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import InfoOutlinedIcon from '@material-ui/icons/InfoOutlined';
import { Link } from '@backstage/core-components';
import {
  countOf,
  Finding,
  ScanNote,
  isPolicyNote,
  POLICY_FILE,
  splitNoteLine,
} from '@internal/plugin-go-scorecard-common';
import { FindingLocation } from './useFindingLocation';

/** Notes listed when expanded; the rest are counted. */
export const MAX_NOTES_SHOWN = 200;

const useStyles = makeStyles(theme => ({
  accordion: { marginTop: theme.spacing(2), '&:before': { display: 'none' } },
  summary: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
  icon: { color: theme.palette.info.main },
  details: { display: 'block' },
  list: { margin: 0, paddingLeft: theme.spacing(2.5) },
  path: { fontFamily: 'monospace', wordBreak: 'break-all' },
}));

/** What the notes are about, after their count. */
function aboutNotes(policy: number, files: number): string {
  const fileWords = 'files the scan skipped or could not read in full';
  const policyWords = `problems in ${POLICY_FILE}`;
  if (!policy) return fileWords;
  return files ? `${policyWords}, and ${fileWords}` : policyWords;
}

/** One note: `path — message`; a note on `.go-scorecard.yaml` as `.go-scorecard.yaml:N — message`, the place linked like a finding's. */
function NoteLine(props: {
  note: ScanNote;
  locate?: (finding: Finding) => FindingLocation;
}) {
  const { note, locate } = props;
  const classes = useStyles();
  const { path, line, message } = isPolicyNote(note)
    ? splitNoteLine(note)
    : { ...note, line: undefined };
  const place = line === undefined ? path : `${path}:${line}`;
  const { href, localPath } =
    line !== undefined && locate
      ? locate({ path, line, message: '', snippet: '' })
      : ({} as FindingLocation);
  return (
    <Typography variant="body2" component="span">
      {href ? (
        <Link to={href} className={classes.path} externalLinkIcon>
          {place}
        </Link>
      ) : (
        <span className={classes.path} title={localPath}>
          {place}
        </span>
      )}
      {` — ${message}`}
    </Typography>
  );
}

/**
 * The scan's notes, folded under their count: problems in the repository's `.go-scorecard.yaml`
 * (waivers expired, too long or stale, entries that do not apply), then files skipped (binary,
 * too large, not UTF-8), YAML that could not be read, symlinks not followed. Expanded, one line
 * per note (path — message; a policy note as `.go-scorecard.yaml:N — message`, linked to that
 * line when `locate` finds it), the first {@link MAX_NOTES_SHOWN}. Nothing when the scan has none.
 *
 * @param locate - where a file's line is, as for findings
 */
export function ScanNotes(props: {
  notes?: ScanNote[];
  locate?: (finding: Finding) => FindingLocation;
}) {
  const { notes: all = [], locate } = props;
  const classes = useStyles();
  if (!all.length) return null;
  // The policy file's notes first: each is something a team decided and should look at again.
  const policy = all.filter(isPolicyNote);
  const notes = [...policy, ...all.filter(n => !isPolicyNote(n))];
  const label = countOf(notes.length, 'scan note');
  return (
    <Accordion
      square
      elevation={0}
      variant="outlined"
      className={classes.accordion}
      TransitionProps={{ unmountOnExit: true }}
    >
      <AccordionSummary
        expandIcon={<ExpandMoreIcon />}
        id="go-scorecard-scan-notes"
        aria-controls="go-scorecard-scan-notes-details"
      >
        <span className={classes.summary}>
          <InfoOutlinedIcon fontSize="small" className={classes.icon} />
          <Typography variant="body2" component="span">
            {label}
          </Typography>{' '}
          <Typography variant="body2" component="span" color="textSecondary">
            {aboutNotes(policy.length, notes.length - policy.length)}
          </Typography>
        </span>
      </AccordionSummary>
      <AccordionDetails
        className={classes.details}
        id="go-scorecard-scan-notes-details"
      >
        <ul className={classes.list} aria-label="Scan notes">
          {notes.slice(0, MAX_NOTES_SHOWN).map((note, i) => (
            <li key={`${i}:${note.path}`}>
              <NoteLine note={note} locate={locate} />
            </li>
          ))}
        </ul>
        {notes.length > MAX_NOTES_SHOWN && (
          <Typography variant="body2" color="textSecondary">
            and {(notes.length - MAX_NOTES_SHOWN).toLocaleString('en-US')} more
          </Typography>
        )}
      </AccordionDetails>
    </Accordion>
  );
}
