export { StatusIcon } from './StatusIcon';
export { StatusLegend } from './StatusLegend';
export { statusLabels } from './statusLabels';
export { statusMeanings } from './statusMeanings';
