// Which kind of organisation a sociale-kaart partner is, for "Naar wie verwezen?", so staff
// who pick a partner are not asked the same thing twice.
// Pure. A guess from the partner's name and topics; staff can always change it.

const RULES: readonly (readonly [RegExp, string])[] = [
  [/raadslie|wijkteam|buurtteam|sociaal team/i, 'sociaal-raadslieden'],
  [/juridisch|advoca|rechtshulp|rechtswinkel/i, 'juridisch'],
  [/schuld|geld|budget|armoede|voedselbank/i, 'schuldhulp'],
  [/formulier|belasting|thuisadministratie|humanitas|invulhulp/i, 'formulierenhulp'],
  [/zorg|welzijn|wmo|ggd|mantelzorg/i, 'zorg-welzijn'],
];

/** The referral kind a partner most likely is; "anders" when nothing says. */
export function referralKindFor(partner: {
  readonly name: string;
  readonly topics: readonly string[];
}): string {
  const words = `${partner.name} ${partner.topics.join(' ')}`;
  return RULES.find(([pattern]) => pattern.test(words))?.[1] ?? 'anders';
}
