# Dealer CRM as the store host on a Windows PC that stays on, run as a Windows service with NSSM
# (https://nssm.cc — a well-kept service wrapper; put nssm.exe on the PATH first). Run in an elevated PowerShell
# from the folder Dealer CRM's source was installed to (npm ci done).
param(
  [string]$DataDir = "C:\DealerCRM\data",
  [int]$Port = 5170,
  [int]$LanPort = 5171
)
$npm = (Get-Command npm.cmd).Source
nssm install DealerCRM $npm "run serve -- --port $Port --lan --lan-port $LanPort --data-dir `"$DataDir`""
nssm set DealerCRM AppDirectory (Get-Location).Path
nssm set DealerCRM DisplayName "Dealer CRM 门店主机"
nssm set DealerCRM Start SERVICE_AUTO_START
# Give the shutdown backup time to finish when Windows stops the service.
nssm set DealerCRM AppStopMethodConsole 120000
nssm set DealerCRM AppStdout "$DataDir\service.log"
nssm set DealerCRM AppStderr "$DataDir\service.log"
New-NetFirewallRule -DisplayName "Dealer CRM 门店主机 (HTTPS)" -Direction Inbound -Protocol TCP -LocalPort $LanPort -Action Allow -Profile Private
nssm start DealerCRM
Write-Host "已安装。工作站连接 https://$env:COMPUTERNAME`:$LanPort/ ，配对码见 $DataDir\service.log"
