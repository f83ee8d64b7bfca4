; Claimdesk's additions to electron-builder's NSIS installer (electron-builder.yml: nsis.include).
;
; .claimdesk bundles are associated the ordinary way (fileAssociations). Transcripts and articles are offered in
; Explorer's "Open with" list only: electron-builder's fileAssociations would make Claimdesk the DEFAULT program for
; .txt, .pdf, .docx…, which an analyst's other programs own. So these keys add Claimdesk beside them, never instead.
; SHCTX is HKCU for a per-user install (the default) and HKLM for an all-users one.

!macro claimdeskOpenWith EXT
  WriteRegNone SHCTX "Software\Classes\${EXT}\OpenWithProgids" "Claimdesk.Document"
  WriteRegStr SHCTX "Software\Classes\Applications\${APP_EXECUTABLE_FILENAME}\SupportedTypes" "${EXT}" ""
!macroend

!macro claimdeskNoLongerOpenWith EXT
  DeleteRegValue SHCTX "Software\Classes\${EXT}\OpenWithProgids" "Claimdesk.Document"
!macroend

!macro customInstall
  WriteRegStr SHCTX "Software\Classes\Claimdesk.Document" "" "Transcript or article"
  WriteRegStr SHCTX "Software\Classes\Claimdesk.Document\DefaultIcon" "" "$appExe,0"
  WriteRegStr SHCTX "Software\Classes\Claimdesk.Document\shell\open" "" "Import into Claimdesk"
  WriteRegStr SHCTX "Software\Classes\Claimdesk.Document\shell\open\command" "" '"$appExe" "%1"'
  WriteRegStr SHCTX "Software\Classes\Applications\${APP_EXECUTABLE_FILENAME}" "FriendlyAppName" "${PRODUCT_NAME}"
  WriteRegStr SHCTX "Software\Classes\Applications\${APP_EXECUTABLE_FILENAME}\shell\open\command" "" '"$appExe" "%1"'
  !insertmacro claimdeskOpenWith ".txt"
  !insertmacro claimdeskOpenWith ".md"
  !insertmacro claimdeskOpenWith ".docx"
  !insertmacro claimdeskOpenWith ".pdf"
  !insertmacro claimdeskOpenWith ".html"
  !insertmacro claimdeskOpenWith ".htm"
  !insertmacro claimdeskOpenWith ".srt"
  !insertmacro claimdeskOpenWith ".vtt"
  !insertmacro claimdeskOpenWith ".csv"
  !insertmacro claimdeskOpenWith ".json"
  ; Tell Explorer the associations changed (SHCNE_ASSOCCHANGED).
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend

!macro customUnInstall
  !insertmacro claimdeskNoLongerOpenWith ".txt"
  !insertmacro claimdeskNoLongerOpenWith ".md"
  !insertmacro claimdeskNoLongerOpenWith ".docx"
  !insertmacro claimdeskNoLongerOpenWith ".pdf"
  !insertmacro claimdeskNoLongerOpenWith ".html"
  !insertmacro claimdeskNoLongerOpenWith ".htm"
  !insertmacro claimdeskNoLongerOpenWith ".srt"
  !insertmacro claimdeskNoLongerOpenWith ".vtt"
  !insertmacro claimdeskNoLongerOpenWith ".csv"
  !insertmacro claimdeskNoLongerOpenWith ".json"
  DeleteRegKey SHCTX "Software\Classes\Claimdesk.Document"
  DeleteRegKey SHCTX "Software\Classes\Applications\${APP_EXECUTABLE_FILENAME}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend
