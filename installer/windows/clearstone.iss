; Clearstone for Windows: per-user installer (no administrator rights), built with Inno Setup 6.
; installer/build.py runs it after freezing; by hand, from the repository root:
;   ISCC /DAppVersion=0.1.0 /DBundleDir=installer\dist\clearstone /DOutputDir=installer\dist\packages ^
;        /DIconFile=installer\build\icons\clearstone.ico installer\windows\clearstone.iss
; Optional code signing: define SignToolName as a SignTool configured in the Inno Setup IDE
; (Tools > Configure Sign Tools), e.g. /DSignToolName=signtool.

#ifndef AppVersion
  #error Pass /DAppVersion=X.Y.Z (installer/build.py reads it from pyproject.toml)
#endif
#ifndef BundleDir
  #define BundleDir "..\dist\clearstone"
#endif
#ifndef OutputDir
  #define OutputDir "..\dist\packages"
#endif
#ifndef IconFile
  #define IconFile "..\build\icons\clearstone.ico"
#endif
#define AppName "Clearstone"
#define ProgId "Clearstone.Lot"

[Setup]
; The AppId identifies the installation for upgrades and uninstall: never change it.
AppId={{CFBBCFF6-D90C-4911-90BF-B574C78B11EE}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Clearstone
VersionInfoVersion={#AppVersion}
; Per-user install: no UAC prompt; {autopf} is %LOCALAPPDATA%\Programs and {autoprograms} the user's Start menu.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
ChangesAssociations=yes
CloseApplications=yes
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\clearstone-gui.exe
UninstallDisplayName={#AppName}
OutputDir={#OutputDir}
OutputBaseFilename=clearstone-{#AppVersion}-setup-windows-amd64
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
#ifdef SignToolName
SignTool={#SignToolName}
SignedUninstaller=yes
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "french"; MessagesFile: "compiler:Languages\French.isl"

[CustomMessages]
english.AssociateLots=Offer Clearstone to open lot files (*.lot.json)
french.AssociateLots=Proposer Clearstone pour ouvrir les fichiers de lot (*.lot.json)
english.FileTypes=File types:
french.FileTypes=Types de fichiers :
english.LotFileType=Clearstone lot
french.LotFileType=Lot Clearstone
english.DataKept=Your register, signing identity and imported lists (in the Clearstone folder of your local application data) are kept.
french.DataKept=Votre registre, votre identité de signature et les listes importées (dans le dossier Clearstone de vos données d’application locales) sont conservés.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "associate"; Description: "{cm:AssociateLots}"; GroupDescription: "{cm:FileTypes}"

[Files]
; The whole PyInstaller one-folder bundle: clearstone.exe (command line), clearstone-gui.exe (window), _internal\.
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the program files wholesale, so no library of an older version is left beside the new.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\clearstone-gui.exe"; WorkingDir: "{userdocs}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\clearstone-gui.exe"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Registry]
; Windows chooses a program by the last extension only (.json), so Clearstone registers a ProgID and offers
; itself in "Open with" for .json files instead of taking over every JSON file. HKA is HKCU in a per-user install.
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:LotFileType}"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\clearstone-gui.exe,0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\clearstone-gui.exe"" gui ""%1"""; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.json\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\Applications\clearstone-gui.exe"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\Applications\clearstone-gui.exe\SupportedTypes"; ValueType: string; ValueName: ".json"; ValueData: ""; Tasks: associate
Root: HKA; Subkey: "Software\Classes\Applications\clearstone-gui.exe\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\clearstone-gui.exe"" gui ""%1"""; Tasks: associate

[Run]
Filename: "{app}\clearstone-gui.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program itself may create inside its install folder; the user's data lives elsewhere
; (%LOCALAPPDATA%\Clearstone) and is never touched. A portable clearstone-data folder placed here is kept too.
Type: filesandordirs; Name: "{app}\_internal\__pycache__"

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox(CustomMessage('DataKept'), mbInformation, MB_OK);
end;
