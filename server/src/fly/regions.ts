/** Fly.io regions: the current ones with their cities, and retired codes with their replacements. */
export const REGIONS: Record<string, string> = {
  ams: "Amsterdam, Netherlands",
  arn: "Stockholm, Sweden",
  bom: "Mumbai, India",
  cdg: "Paris, France",
  dfw: "Dallas, Texas (US)",
  ewr: "Secaucus, NJ (US)",
  fra: "Frankfurt, Germany",
  gru: "Sao Paulo, Brazil",
  iad: "Ashburn, Virginia (US)",
  jnb: "Johannesburg, South Africa",
  lax: "Los Angeles, California (US)",
  lhr: "London, United Kingdom",
  nrt: "Tokyo, Japan",
  ord: "Chicago, Illinois (US)",
  sin: "Singapore, Singapore",
  sjc: "San Jose, California (US)",
  syd: "Sydney, Australia",
  yyz: "Toronto, Canada",
};

/** Retired region codes and the region `fly launch` uses instead. */
export const DEPRECATED_REGIONS: Record<string, string> = {
  atl: 'dfw',
  den: 'dfw',
  mia: 'dfw',
  gdl: 'dfw',
  qro: 'dfw',
  bos: 'ewr',
  phx: 'lax',
  sea: 'sjc',
  yul: 'yyz',
  waw: 'ams',
  mad: 'cdg',
  otp: 'fra',
  bog: 'gru',
  gig: 'gru',
  scl: 'gru',
  eze: 'gru',
  hkg: 'sin',
};

// Codes come from the user's config: a code such as `constructor` must not find an inherited property.

/** The city of a current region code. */
export function regionCity(code: string): string | undefined {
  return Object.hasOwn(REGIONS, code) ? REGIONS[code] : undefined;
}

/** The region a retired code moved to. */
export function regionSuccessor(code: string): string | undefined {
  return Object.hasOwn(DEPRECATED_REGIONS, code) ? DEPRECATED_REGIONS[code] : undefined;
}
