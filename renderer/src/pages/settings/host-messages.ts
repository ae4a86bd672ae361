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
  switchLabel: '本机作为门店主机',
  switchHint: '开启后，其他电脑可通过局域网（HTTPS）连接本机；本机照常使用。下次启动时保持此选择。',
  switchOnHostOnly: '只能在门店主机本机上开关：在工作站上关闭会断开自己的连接。',
  port: '局域网端口',
  portHint: '工作站连接此端口；被其他程序占用时换一个',
  portLocked: '更改端口请先关闭门店主机',
  status: {
    off: '未开启',
    starting: '开启中…',
    stopping: '关闭中…',
    on: '已开启',
    failed: '开启失败',
  },
  failedTitle: '门店主机未能开启',
  started: '门店主机已开启，工作站现在可以连接',
  stopped: '门店主机已关闭',
  stopTitle: '关闭门店主机？',
  stopBody: '正在连接本机的工作站会立即断开，无法再查看和保存，直到重新开启。本机的数据和使用不受影响。',
  stopOk: '关闭门店主机',
  stopCancel: '取消',
  processSeparate:
    '数据库和接口在独立的主机进程中运行（进程号 {{pid}}，{{since}} 启动；意外停止后自动重启过 {{restarts}} 次）',
  processShared: '数据库和接口在本程序进程中运行（进程号 {{pid}}，{{since}} 启动）',
  offTitle: '门店主机未开启',
  offBody:
    '现在只有本机能使用。打开上方开关后，这里会显示工作站连接地址、配对码和证书指纹。明文连接只在本机提供，不会在局域网上传送密码和客户电话。',
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
  switchLabel: 'This PC is the store host',
  switchHint:
    'When on, other PCs connect to this one over the LAN (HTTPS); this PC works as usual. Kept for the next start.',
  switchOnHostOnly:
    'Switch it on the store host itself: switching off from a workstation would cut its own connection.',
  port: 'LAN port',
  portHint: 'Workstations connect to this port; change it if another program holds it',
  portLocked: 'Switch the host off to change the port',
  status: {
    off: 'Off',
    starting: 'Starting…',
    stopping: 'Stopping…',
    on: 'On',
    failed: 'Failed',
  },
  failedTitle: 'The store host could not start',
  started: 'The store host is on; workstations can connect now',
  stopped: 'The store host is off',
  stopTitle: 'Switch the store host off?',
  stopBody:
    'Workstations connected to this PC are disconnected at once and can no longer view or save anything until it is switched on again. This PC and its data are not affected.',
  stopOk: 'Switch off',
  stopCancel: 'Cancel',
  processSeparate:
    'The database and API run in a host process of their own (pid {{pid}}, started {{since}}; restarted {{restarts}} times after stopping unexpectedly)',
  processShared: 'The database and API run in this program’s process (pid {{pid}}, started {{since}})',
  offTitle: 'The store host is off',
  offBody:
    'Only this PC can use the app now. Switch on above and the addresses, pairing code and certificate fingerprint for workstations appear here. Plain HTTP stays on this PC, so passwords and phone numbers never cross the LAN unencrypted.',
};
