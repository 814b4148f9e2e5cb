; Inno Setup script for the Windows installer -- a recipe, NOT built or tested by this
; project (its machines run Linux only). On Windows, with Python 3.11+ and Inno Setup 6:
;   py -m venv .venv && .venv\Scripts\pip install -e . pyinstaller
;   .venv\Scripts\pyinstaller --noconfirm --distpath dist packaging\pyinstaller\posture-break.spec
;   iscc /DAppVersion=0.1.0 packaging\windows\posture-break.iss
; The installer is per user (no administrator rights), puts the bundle in
; %LOCALAPPDATA%\Programs\Posture Break, adds a Start menu entry, and can start the app
; at login through the same HKCU Run value that the app's own setting uses, so either
; place switches it off. Uninstalling removes the program and that value; the user's
; settings and activity log (in %LOCALAPPDATA%\posture-break) are kept.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{8C1B6F0E-4E55-4C1E-9B7A-2F1D5C3A9E42}
AppName=Posture Break
AppVersion={#AppVersion}
AppPublisher=Posture Break developers
DefaultDirName={autopf}\Posture Break
DefaultGroupName=Posture Break
PrivilegesRequired=lowest
OutputBaseFilename=posture-break-{#AppVersion}-setup
OutputDir=..\..\dist
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
SetupIconFile=..\pyinstaller\posture-break.ico
UninstallDisplayIcon={app}\posture-break.exe
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "german"; MessagesFile: "compiler:Languages\German.isl"
Name: "spanish"; MessagesFile: "compiler:Languages\Spanish.isl"

[Tasks]
Name: "startatlogin"; Description: "Start Posture Break when I log in"

[Files]
Source: "..\..\dist\posture-break\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Posture Break"; Filename: "{app}\posture-break.exe"
Name: "{group}\Uninstall Posture Break"; Filename: "{uninstallexe}"

[Registry]
; The value name matches services/autostart_windows.py (RunKeyAutostart).
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: string; ValueName: "Posture Break"; ValueData: """{app}\posture-break.exe"""; Tasks: startatlogin; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueName: "Posture Break"; Flags: uninsdeletevalue dontcreatekey

[Run]
Filename: "{app}\posture-break.exe"; Description: "Start Posture Break now"; Flags: nowait postinstall skipifsilent
