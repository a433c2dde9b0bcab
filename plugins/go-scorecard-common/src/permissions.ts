import {
  createPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';

/**
 * Trigger a scan of one catalog entity now ("Scan now"). A resource permission on the
 * catalog entity, so policies can allow it to the entity's owners.
 */
export const goScorecardScanTriggerPermission: ResourcePermission<'catalog-entity'> =
  createPermission({
    name: 'go-scorecard.scan.trigger',
    attributes: { action: 'update' },
    resourceType: 'catalog-entity',
  });

/** Every permission the go-scorecard plugins define. */
export const goScorecardPermissions = [goScorecardScanTriggerPermission];
