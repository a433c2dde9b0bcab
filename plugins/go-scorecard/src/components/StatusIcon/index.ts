export { StatusIcon } from './StatusIcon';
export { statusLabels } from './statusLabels';
