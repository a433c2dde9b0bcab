import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import InfoOutlinedIcon from '@material-ui/icons/InfoOutlined';
import { countOf, ScanNote } from '@internal/plugin-go-scorecard-common';

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

/**
 * The scan's notes, folded under their count: files skipped (binary, too large, not
 * UTF-8), YAML that could not be read, symlinks not followed. Expanded, one line per
 * note (path — message), the first {@link MAX_NOTES_SHOWN}. Nothing when the scan has none.
 */
export function ScanNotes(props: { notes?: ScanNote[] }) {
  const { notes = [] } = props;
  const classes = useStyles();
  if (!notes.length) return null;
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
            files the scan skipped or could not read in full
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
              <Typography variant="body2" component="span">
                <span className={classes.path}>{note.path}</span>
                {` — ${note.message}`}
              </Typography>
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
