// The sentences of the screen lock: choosing a PIN, the lock screen, waits and a forgotten PIN.

export const text = {
  chooseTitle: 'Kies een pincode',
  chooseIntro: (minutes: number) =>
    `Uw organisatie wil dat Balie het scherm vergrendelt als niemand het apparaat ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} gebruikt. Kies een pincode van 4 tot 6 cijfers. Die heeft u nodig om het scherm weer te openen.`,
  pin: 'Pincode (4 tot 6 cijfers)',
  repeat: 'Herhaal de pincode',
  save: 'Pincode bewaren',
  badPin: 'Een pincode heeft 4 tot 6 cijfers. Gebruik alleen cijfers.',
  notSame: 'De twee pincodes zijn niet gelijk. Probeer het opnieuw.',
  lockedTitle: 'Scherm vergrendeld',
  lockedIntro:
    'Balie is vergrendeld omdat het apparaat een tijd niet gebruikt werd. Registraties worden intussen gewoon verstuurd.',
  pinLabel: 'Pincode',
  unlock: 'Ontgrendelen',
  checking: 'Bezig met controleren…',
  wrong: 'Deze pincode klopt niet.',
  wait: (seconds: number) =>
    `Probeer het over ${seconds} ${seconds === 1 ? 'seconde' : 'seconden'} opnieuw.`,
  forgotTitle: 'Pincode vergeten?',
  forgotIntro:
    'Vraag uw beheerder om een nieuwe koppelcode en koppel dit apparaat opnieuw. Uw registraties blijven bewaard. Daarna kiest u een nieuwe pincode.',
  relink: 'Opnieuw koppelen',
} as const;
