/** Strings of 设置 → 门店主机; mounted as `host` in the locale files. */
export const hostZhCN = {
  tab: '门店主机',
  intro:
    '门店的数据只保存在一台电脑（门店主机）上，其他电脑作为工作站通过局域网连接。连接全程加密（HTTPS），工作站第一次连接时输入下方的配对码核对主机证书，之后只认这台主机。',
  localTitle: '本机目前只供自己使用',
  localBody:
    '要让其他电脑连接，请以门店主机方式启动：命令行 npm run serve -- --lan，或将其安装为系统服务（见 README「门店主机」）。明文连接只在本机提供，不会在局域网上传送密码和客户电话。',
  addresses: '工作站连接地址',
  pairingCode: '配对码',
  pairingHint: '在工作站的「连接门店主机」中输入，或用手机扫码查看',
  fingerprint: '证书指纹（SHA-256）',
  fingerprintHint: '浏览器提示证书时，可核对此指纹',
  validTo: '证书有效期至',
  qrAlt: '配对二维码：包含主机地址、端口和配对码',
  browserTitle: '用浏览器连接',
  browserBody:
    '其他电脑也可直接用浏览器打开上面的地址。首次使用请先下载主机证书并安装到「受信任的根证书颁发机构」，之后浏览器不再提示不安全。',
  download: '下载主机证书',
  loadFailed: '无法读取门店主机信息',
};

export type HostMessages = typeof hostZhCN;

export const hostEn: HostMessages = {
  tab: 'Store host',
  intro:
    'The store’s data lives on one PC (the store host); the other PCs connect to it over the LAN as workstations. The connection is encrypted (HTTPS): the first time, a workstation types the pairing code below to check the host’s certificate, and from then on trusts this host only.',
  localTitle: 'This PC serves only itself',
  localBody:
    'To let other PCs connect, start it as the store host: npm run serve -- --lan, or install it as a service (README, “The store host”). Plain HTTP stays on this PC, so passwords and phone numbers never cross the LAN unencrypted.',
  addresses: 'Addresses for workstations',
  pairingCode: 'Pairing code',
  pairingHint: 'Type it in the workstation’s “Connect to the store host”, or scan the code',
  fingerprint: 'Certificate fingerprint (SHA-256)',
  fingerprintHint: 'Compare it when a browser shows the certificate',
  validTo: 'Certificate valid until',
  qrAlt: 'Pairing QR code: host addresses, port and pairing code',
  browserTitle: 'Connecting with a browser',
  browserBody:
    'Other PCs can also open the addresses above in a browser. First download the host certificate and install it under “Trusted Root Certification Authorities”; the browser then stops warning.',
  download: 'Download the host certificate',
  loadFailed: 'Could not read the store host information',
};
