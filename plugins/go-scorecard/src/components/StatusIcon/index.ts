export { StatusIcon } from './StatusIcon';
export { statusLabels, worstStatus } from './statusLabels';
