/** The trailers `--commit` writes (git interpret-trailers format): history and verify read them back. */
export const TRAILER = {
  action: 'Eleventh-Action',
  environment: 'Eleventh-Environment',
  promotedFrom: 'Eleventh-Promoted-From',
  sources: 'Eleventh-Sources',
  tag: 'Eleventh-Tag',
  mirror: 'Eleventh-Mirror',
  signer: 'Eleventh-Signer',
  breakGlass: 'Eleventh-Break-Glass',
  rollback: 'Eleventh-Rollback',
} as const;
