// The Electron fuses Claimdesk ships with, shared by dist:check (which reads them back from the packed binary) and
// the unit test that holds electron-builder.yml to them. '0' disabled, '1' enabled; keys are @electron/fuses'
// FuseV1Options names, and CONFIG_KEYS gives each one's name under electronFuses in electron-builder.yml.
export const EXPECTED_FUSES = {
  RunAsNode: '0',
  EnableNodeOptionsEnvironmentVariable: '0',
  EnableNodeCliInspectArguments: '0',
  EnableEmbeddedAsarIntegrityValidation: '1',
  OnlyLoadAppFromAsar: '1',
  EnableCookieEncryption: '1',
  // Pages from file:// would get powers a browser never gives them; the window loads from app://claimdesk instead.
  GrantFileProtocolExtraPrivileges: '0',
};

export const CONFIG_KEYS = {
  RunAsNode: 'runAsNode',
  EnableNodeOptionsEnvironmentVariable: 'enableNodeOptionsEnvironmentVariable',
  EnableNodeCliInspectArguments: 'enableNodeCliInspectArguments',
  EnableEmbeddedAsarIntegrityValidation: 'enableEmbeddedAsarIntegrityValidation',
  OnlyLoadAppFromAsar: 'onlyLoadAppFromAsar',
  EnableCookieEncryption: 'enableCookieEncryption',
  GrantFileProtocolExtraPrivileges: 'grantFileProtocolExtraPrivileges',
};
