import { useState } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import Button from '@material-ui/core/Button';
import GetAppIcon from '@material-ui/icons/GetApp';
import { goScorecardApiRef } from '../../api/GoScorecardApi';
import { ReportFilters } from '../../api/types';
import { errorMessage } from '../common/errorMessage';

/** The file name of an export. */
export const CSV_FILE_NAME = 'go-scorecard-report.csv';

/** Downloads every row matching the filters (not only the page shown) as CSV. */
export function CsvExportButton(props: {
  filters: ReportFilters;
  onError: (message: string) => void;
}) {
  const { filters, onError } = props;
  const api = useApi(goScorecardApiRef);
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const csv = await api.getReportCsv(filters);
      const url = URL.createObjectURL(
        new Blob([csv], { type: 'text/csv;charset=utf-8' }),
      );
      const link = document.createElement('a');
      link.href = url;
      link.download = CSV_FILE_NAME;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 0);
    } catch (error) {
      onError(`CSV export failed: ${errorMessage(error)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      variant="outlined"
      startIcon={<GetAppIcon />}
      onClick={download}
      disabled={busy}
    >
      Export CSV
    </Button>
  );
}
