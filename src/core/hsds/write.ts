// A partner as one HSDS 3.0 service, with its organisation, location, schedules and attributes.
// Pure. Ids kept from an import are reused; ids Balie needs but never had are derived from the
// partner's id, so exporting twice gives the same file.

import { deriveUuid } from '../partners/ids';
import type { PartnerDetails } from '../partners/partner';
import type { CatalogueOption } from '../registration/catalogue';
import {
  type HsdsAttribute,
  type HsdsService,
  KEYWORD_TAXONOMY,
  present,
  TARGET_GROUP_TAXONOMY,
  TOPIC_TAXONOMY,
} from './record';
import { schedulesFromHours } from './schedule-write';

export function hsdsServiceFor(
  partner: PartnerDetails,
  topics: readonly CatalogueOption[],
): HsdsService {
  const refs = partner.hsds ?? {};
  const organizationId = refs.organization ?? deriveUuid(partner.id, 'organization');
  const labels = new Map(topics.map((topic) => [topic.id, topic.label]));
  const attribute = (taxonomy: string, code: string, name: string): HsdsAttribute => {
    const termId = deriveUuid(taxonomy, code);
    return {
      id: deriveUuid(partner.id, taxonomy, code),
      link_id: partner.id,
      link_type: taxonomy,
      link_entity: 'service',
      taxonomy_term_id: termId,
      value: name,
      taxonomy_term: { id: termId, code, name, description: name, taxonomy },
    };
  };
  const { address } = partner;
  return present<HsdsService>({
    id: partner.id,
    organization_id: organizationId,
    name: partner.name,
    description: partner.description,
    status: 'active',
    url: partner.website,
    email: partner.email,
    assured_date: partner.lastVerified,
    organization: {
      id: organizationId,
      name: partner.organization ?? partner.name,
      description: partner.description || partner.name,
    },
    phones:
      partner.phone === undefined
        ? []
        : [{ id: refs.phone ?? deriveUuid(partner.id, 'phone'), number: partner.phone }],
    schedules: [
      ...schedulesFromHours(partner.id, partner.openingHours, false),
      ...schedulesFromHours(partner.id, partner.walkInHours, true),
    ],
    languages: partner.languages.map(({ code, name }) => ({
      id: deriveUuid(partner.id, 'language', code),
      name,
      code,
    })),
    service_at_locations:
      address === undefined
        ? []
        : [
            {
              id: refs.serviceAtLocation ?? deriveUuid(partner.id, 'service_at_location'),
              location: {
                id: refs.location ?? deriveUuid(partner.id, 'location'),
                location_type: 'physical',
                organization_id: organizationId,
                name: partner.name,
                addresses: [
                  {
                    id: refs.address ?? deriveUuid(partner.id, 'address'),
                    address_1: address.street,
                    city: address.city,
                    state_province: '',
                    postal_code: address.postcode,
                    country: 'NL',
                    address_type: 'physical',
                  },
                ],
              },
            },
          ],
    attributes: [
      ...partner.topics.map((id) => attribute(TOPIC_TAXONOMY, id, labels.get(id) ?? id)),
      ...partner.targetGroups.map((group) => attribute(TARGET_GROUP_TAXONOMY, group, group)),
      ...(partner.keywords ?? []).map((word) => attribute(KEYWORD_TAXONOMY, word, word)),
    ],
  });
}
