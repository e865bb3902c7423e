<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About</source>
        <translation>Acerca de</translation>
    </message>
    <message>
        <source>Intake icon</source>
        <translation>Ícono de Intake</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Versión %1</translation>
    </message>
    <message>
        <source>Documents alleged violations of state and local law by federal immigration agents, for Chicago Police district stations under the “ICE On Notice” executive order.</source>
        <translation>Documenta presuntas violaciones de leyes estatales y locales por parte de agentes federales de inmigración, para las estaciones de distrito de la Policía de Chicago, conforme a la orden ejecutiva “ICE On Notice”.</translation>
    </message>
    <message>
        <source>Python %1 · Qt %2 · PySide6 %3</source>
        <translation>Python %1 · Qt %2 · PySide6 %3</translation>
    </message>
</context>
<context>
    <name>Appearance</name>
    <message>
        <source>&amp;High contrast</source>
        <translation>&amp;Alto contraste</translation>
    </message>
</context>
<context>
    <name>CandidateRow</name>
    <message>
        <source>&amp;Link as one event</source>
        <translation>&amp;Vincular como un solo hecho</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>&amp;Descartar</translation>
    </message>
    <message>
        <source>Linked as one event.</source>
        <translation>Vinculado como un solo hecho.</translation>
    </message>
    <message>
        <source>Dismissed; it will not be offered again.</source>
        <translation>Descartado; no se volverá a ofrecer.</translation>
    </message>
</context>
<context>
    <name>DuplicatesPrompt</name>
    <message>
        <source>This may be the same event as %1 (district %2, %3): %4.</source>
        <translation>Puede ser el mismo hecho que %1 (distrito %2, %3): %4.</translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation>Posibles duplicados</translation>
    </message>
    <message>
        <source>%1 was saved. Other reports look close to it. Linking keeps both records, each with its own history.</source>
        <translation>%1 se guardó. Otros informes se le parecen. Al vincularlos se conservan ambos registros, cada uno con su propio historial.</translation>
    </message>
    <message>
        <source>Not recorded: %1</source>
        <translation>No se registró: %1</translation>
    </message>
</context>
<context>
    <name>IncidentListScreen</name>
    <message>
        <source>Report number, narrative, address, agent name, badge, plate…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search incidents</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Status filter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>District filter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Any district</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Between</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Filter by date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Incidents</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>D&amp;istrict:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>and</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No incident matches.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The list could not be loaded: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>IncidentTableModel</name>
    <message>
        <source>Synthetic demo record: not a real incident</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(not yet numbered)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Links</name>
    <message>
        <source>Links</source>
        <translation>Vínculos</translation>
    </message>
    <message>
        <source>Report number</source>
        <translation>Número de informe</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Distrito</translation>
    </message>
    <message>
        <source>Occurred</source>
        <translation>Ocurrió</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Solidez</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Vínculo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>En común</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>fuerte</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>media</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>débil</translation>
    </message>
    <message>
        <source>same event</source>
        <translation>mismo hecho</translation>
    </message>
    <message>
        <source>same agent or vehicle</source>
        <translation>mismo agente o vehículo</translation>
    </message>
    <message>
        <source>plate</source>
        <translation>placa</translation>
    </message>
    <message>
        <source>badge</source>
        <translation>placa de identificación</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>%1 %2 (this report: %3)</source>
        <translation>%1 %2 (en este informe: %3)</translation>
    </message>
    <message>
        <source>%1 m and %2 min apart</source>
        <translation>a %1 m y %2 min de distancia</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>confirmado</translation>
    </message>
    <message>
        <source>suggested</source>
        <translation>sugerido</translation>
    </message>
</context>
<context>
    <name>LinksTab</name>
    <message>
        <source>Looking for links…</source>
        <translation>Buscando vínculos…</translation>
    </message>
    <message>
        <source>Linked incidents</source>
        <translation>Incidentes vinculados</translation>
    </message>
    <message>
        <source>Reason (kept with the decision)</source>
        <translation>Motivo (se guarda con la decisión)</translation>
    </message>
    <message>
        <source>Reason for the decision</source>
        <translation>Motivo de la decisión</translation>
    </message>
    <message>
        <source>&amp;Confirm link</source>
        <translation>&amp;Confirmar vínculo</translation>
    </message>
    <message>
        <source>&amp;Reject link</source>
        <translation>&amp;Rechazar vínculo</translation>
    </message>
    <message>
        <source>No other incident shares a badge, name or vehicle plate with this one.</source>
        <translation>Ningún otro incidente comparte con este una placa de identificación, un nombre o una placa de vehículo.</translation>
    </message>
    <message>
        <source>%1 linked or possibly linked incident(s), %2 confirmed. Select one to confirm or reject the link; both records stay as they are.</source>
        <translation>%1 incidente(s) vinculado(s) o posiblemente vinculado(s), %2 confirmado(s). Seleccione uno para confirmar o rechazar el vínculo; ambos registros quedan como están.</translation>
    </message>
    <message>
        <source>Links could not be loaded or saved: %1</source>
        <translation>No se pudieron cargar o guardar los vínculos: %1</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>911/311 call</source>
        <translation>Llamada al 911/311</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Aprobado</translation>
    </message>
    <message>
        <source>Badge seen</source>
        <translation>Placa vista</translation>
    </message>
    <message>
        <source>Body-worn camera</source>
        <translation>Cámara corporal</translation>
    </message>
    <message>
        <source>CBP Border Patrol</source>
        <translation>CBP Patrulla Fronteriza</translation>
    </message>
    <message>
        <source>CBP Office of Field Operations</source>
        <translation>CBP Oficina de Operaciones de Campo</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrado</translation>
    </message>
    <message>
        <source>Community report</source>
        <translation>Reporte de la comunidad</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <source>FBI</source>
        <translation>FBI</translation>
    </message>
    <message>
        <source>ICE ERO</source>
        <translation>ICE ERO</translation>
    </message>
    <message>
        <source>ICE HSI</source>
        <translation>ICE HSI</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>En revisión</translation>
    </message>
    <message>
        <source>In-car camera</source>
        <translation>Cámara del vehículo policial</translation>
    </message>
    <message>
        <source>Media / social media</source>
        <translation>Medios de comunicación / redes sociales</translation>
    </message>
    <message>
        <source>Not requested</source>
        <translation>No solicitada</translation>
    </message>
    <message>
        <source>Observed by CPD</source>
        <translation>Observado por CPD</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>Other DHS</source>
        <translation>Otro componente del DHS</translation>
    </message>
    <message>
        <source>Other agency</source>
        <translation>Otra agencia</translation>
    </message>
    <message>
        <source>POD camera</source>
        <translation>Cámara POD (vigilancia policial)</translation>
    </message>
    <message>
        <source>Phone video</source>
        <translation>Video de teléfono</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Preserved</source>
        <translation>Preservada</translation>
    </message>
    <message>
        <source>Private / business camera</source>
        <translation>Cámara privada / de negocio</translation>
    </message>
    <message>
        <source>Recorded (no felony)</source>
        <translation>Registrado (sin delito grave)</translation>
    </message>
    <message>
        <source>Referred to CCSAO</source>
        <translation>Remitido a la Fiscalía (CCSAO)</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Solicitada</translation>
    </message>
    <message>
        <source>Stated by agent</source>
        <translation>Declarado por el agente</translation>
    </message>
    <message>
        <source>U.S. Marshals</source>
        <translation>U.S. Marshals (Servicio de Alguaciles)</translation>
    </message>
    <message>
        <source>Unknown agency</source>
        <translation>Agencia desconocida</translation>
    </message>
    <message>
        <source>Vehicle plate</source>
        <translation>Placa del vehículo</translation>
    </message>
</context>
</TS>