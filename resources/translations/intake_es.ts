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
    <name>ApproveDialog</name>
    <message>
        <source>You approve record %1 as its reviewing officer. Your name and star (%2, star %3) are printed on the referral packet&apos;s attestation, beside the referring supervisor&apos;s (%4, star %5). The attestation says that the packet is a true and complete copy of this record as held in Intake, and states each evidence item as it stands now:</source>
        <translation>Usted aprueba el registro %1 como oficial revisor. Su nombre y estrella (%2, estrella %3) se imprimen en la certificación del paquete de remisión, junto a los del supervisor que remite (%4, estrella %5). La certificación dice que el paquete es una copia fiel y completa de este registro tal como consta en Intake, e indica el estado actual de cada elemento de evidencia:</translation>
    </message>
    <message>
        <source>No footage is listed.</source>
        <translation>No hay grabaciones registradas.</translation>
    </message>
    <message>
        <source>Footage %1 (%2): %3</source>
        <translation>Grabación %1 (%2): %3</translation>
    </message>
    <message>
        <source>Approve and sign %1</source>
        <translation>Aprobar y firmar %1</translation>
    </message>
    <message>
        <source>What you attest</source>
        <translation>Lo que usted certifica</translation>
    </message>
    <message>
        <source>Your passphrase</source>
        <translation>Su frase de contraseña</translation>
    </message>
    <message>
        <source>Your &amp;passphrase, to sign:</source>
        <translation>Su &amp;frase de contraseña, para firmar:</translation>
    </message>
    <message>
        <source>&amp;Approve and sign</source>
        <translation>&amp;Aprobar y firmar</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
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
    <name>Catalogue</name>
    <message>
        <source>Felony (first degree murder)</source>
        <translation>Delito grave (homicidio en primer grado)</translation>
    </message>
    <message>
        <source>Ordinance violation</source>
        <translation>Infracción de ordenanza</translation>
    </message>
    <message>
        <source>class not chosen</source>
        <translation>clase no elegida</translation>
    </message>
    <message>
        <source>Class {klass} felony</source>
        <translation>Delito grave de clase {klass}</translation>
    </message>
    <message>
        <source>Class {klass} misdemeanor</source>
        <translation>Delito menor de clase {klass}</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>Save as PNG…</source>
        <translation>Guardar como PNG…</translation>
    </message>
    <message>
        <source>Save chart as PNG</source>
        <translation>Guardar gráfico como PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Imágenes PNG (*.png)</translation>
    </message>
    <message>
        <source>Could not write {0}</source>
        <translation>No se pudo escribir {0}</translation>
    </message>
</context>
<context>
    <name>ConflictsScreen</name>
    <message>
        <source>&amp;Keep mine</source>
        <translation>&amp;Conservar la mía</translation>
    </message>
    <message>
        <source>&amp;Take theirs</source>
        <translation>&amp;Tomar la del servidor</translation>
    </message>
    <message>
        <source>Both versions are kept until you choose. Nothing is merged silently.</source>
        <translation>Ambas versiones se conservan hasta que usted elija. Nada se combina sin avisar.</translation>
    </message>
    <message>
        <source>Mine (this computer)</source>
        <translation>La mía (esta computadora)</translation>
    </message>
    <message>
        <source>Theirs (the server)</source>
        <translation>La del servidor</translation>
    </message>
    <message>
        <source>%1 — yours v%2, deleted on another device</source>
        <translation>%1 — suya v%2, borrado en otra computadora</translation>
    </message>
    <message>
        <source>%1 — yours v%2, server&apos;s v%3</source>
        <translation>%1 — suya v%2, del servidor v%3</translation>
    </message>
    <message>
        <source>There are no conflicts: every record on this computer agrees with the server&apos;s.</source>
        <translation>No hay conflictos: todos los registros de esta computadora coinciden con los del servidor.</translation>
    </message>
    <message>
        <source>Another device deleted this draft (theirs shows it as it was deleted). Take theirs deletes it here too; Keep mine keeps your version everywhere.</source>
        <translation>Otra computadora borró este borrador (la del servidor lo muestra tal como se borró). «Tomar la del servidor» lo borra también aquí; «Conservar la mía» mantiene su versión en todas partes.</translation>
    </message>
    <message>
        <source>Different: %1</source>
        <translation>Diferente: %1</translation>
    </message>
    <message>
        <source>nothing but the save time</source>
        <translation>solo la hora de guardado</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflicto</translation>
    </message>
</context>
<context>
    <name>DashboardScreen</name>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>Could not load the dashboard: {0}</source>
        <translation>No se pudo cargar el tablero: {0}</translation>
    </message>
    <message>
        <source>{0} incidents approved, referred or recorded (drafts and reviews not counted).</source>
        <translation>{0} incidentes aprobados, remitidos o registrados (no se cuentan borradores ni revisiones).</translation>
    </message>
    <message>
        <source>Includes {0} DEMO incidents (synthetic data).</source>
        <translation>Incluye {0} incidentes DEMO (datos sintéticos).</translation>
    </message>
    <message>
        <source> (DEMO DATA)</source>
        <translation> (DATOS DEMO)</translation>
    </message>
    <message>
        <source>Incidents per month</source>
        <translation>Incidentes por mes</translation>
    </message>
    <message>
        <source>Incidents by district</source>
        <translation>Incidentes por distrito</translation>
    </message>
    <message>
        <source>Incidents by agency involved</source>
        <translation>Incidentes por agencia involucrada</translation>
    </message>
    <message>
        <source>Incidents by offence class alleged</source>
        <translation>Incidentes por clase de delito alegado</translation>
    </message>
    <message>
        <source>Felony allegations referred to CCSAO: {0}</source>
        <translation>Presuntos delitos graves remitidos a la Fiscalía (CCSAO): {0}</translation>
    </message>
    <message>
        <source>Felony alleged</source>
        <translation>Delito grave alegado</translation>
    </message>
    <message>
        <source>Referred</source>
        <translation>Remitido</translation>
    </message>
    <message>
        <source>Camera footage preserved on time: {0}</source>
        <translation>Grabaciones de cámara preservadas a tiempo: {0}</translation>
    </message>
    <message>
        <source>Needing a hold</source>
        <translation>Requieren retención</translation>
    </message>
    <message>
        <source>Preserved on time</source>
        <translation>Preservadas a tiempo</translation>
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
    <name>EnrollDialog</name>
    <message>
        <source>Server address: %1 is not a secure server address. Enter it as https://host or https://host:port (plain http:// is allowed only to this computer).</source>
        <translation>Dirección del servidor: %1 no es una dirección de servidor segura. Escríbala como https://servidor o https://servidor:puerto (http:// sin cifrar solo se permite hacia esta computadora).</translation>
    </message>
    <message>
        <source>Server address: the server&apos;s certificate could not be verified, so nothing was sent.</source>
        <translation>Dirección del servidor: no se pudo verificar el certificado del servidor, así que no se envió nada.</translation>
    </message>
    <message>
        <source>Enrollment code: the server refused this code (mistyped, already used or expired). Ask the administrator for a new one.</source>
        <translation>Código de inscripción: el servidor rechazó este código (mal escrito, ya usado o vencido). Pida uno nuevo al administrador.</translation>
    </message>
    <message>
        <source>Server address: the server at %1 cannot be reached. Check the address and that this computer is online.</source>
        <translation>Dirección del servidor: no se puede contactar el servidor en %1. Revise la dirección y que esta computadora tenga conexión.</translation>
    </message>
    <message>
        <source>This computer has no secure keyring to keep the device&apos;s token in; nothing was enrolled.</source>
        <translation>Esta computadora no tiene un llavero seguro donde guardar el token del dispositivo; no se inscribió nada.</translation>
    </message>
    <message>
        <source>Enrollment failed; nothing was enrolled.</source>
        <translation>La inscripción falló; no se inscribió nada.</translation>
    </message>
    <message>
        <source>Enroll this computer</source>
        <translation>Inscribir esta computadora</translation>
    </message>
    <message>
        <source>Enroll this computer with the sync server to send and receive records. Enter the server&apos;s address and the one-time enrollment code the administrator gave you.</source>
        <translation>Inscriba esta computadora en el servidor de sincronización para enviar y recibir registros. Escriba la dirección del servidor y el código de inscripción de un solo uso que le dio el administrador.</translation>
    </message>
    <message>
        <source>e.g. https://sync.example.org</source>
        <translation>p. ej. https://servidor.ejemplo.org</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Dirección del servidor</translation>
    </message>
    <message>
        <source>Enrollment code</source>
        <translation>Código de inscripción</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>Dirección del &amp;servidor:</translation>
    </message>
    <message>
        <source>Enrollment &amp;code:</source>
        <translation>&amp;Código de inscripción:</translation>
    </message>
    <message>
        <source>&amp;Enroll</source>
        <translation>&amp;Inscribir</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>Ce&amp;rrar</translation>
    </message>
    <message>
        <source>Server address: enter the address of the sync server.</source>
        <translation>Dirección del servidor: escriba la dirección del servidor de sincronización.</translation>
    </message>
    <message>
        <source>Enrollment code: enter the one-time code the administrator gave you.</source>
        <translation>Código de inscripción: escriba el código de un solo uso que le dio el administrador.</translation>
    </message>
    <message>
        <source>Enrolling with %1…</source>
        <translation>Inscribiendo en %1…</translation>
    </message>
    <message>
        <source>This computer is now enrolled with %1 as device %2. Records are sent at the next sync.</source>
        <translation>Esta computadora quedó inscrita en %1 como dispositivo %2. Los registros se envían en la próxima sincronización.</translation>
    </message>
    <message>
        <source>Its report numbers now use the code %1 (%2 was already used by another computer of the district).</source>
        <translation>Sus números de reporte usan ahora el código %1 (%2 ya lo usaba otra computadora del distrito).</translation>
    </message>
</context>
<context>
    <name>FelonyReview</name>
    <message>
        <source>Felony review decision</source>
        <translation>Decisión de la revisión de delitos graves</translation>
    </message>
    <message>
        <source>(no charge)</source>
        <translation>(sin cargo)</translation>
    </message>
    <message>
        <source>e.g. A or 3</source>
        <translation>p. ej., A o 3</translation>
    </message>
    <message>
        <source>&amp;Decision:</source>
        <translation>&amp;Decisión:</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <source>Decided &amp;on:</source>
        <translation>Decidido &amp;el:</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>Fecha de la decisión</translation>
    </message>
    <message>
        <source>Reviewing &amp;ASA:</source>
        <translation>Fiscal &amp;adjunto revisor:</translation>
    </message>
    <message>
        <source>Reviewing ASA</source>
        <translation>Fiscal adjunto revisor</translation>
    </message>
    <message>
        <source>ASA &amp;unit:</source>
        <translation>&amp;Unidad del fiscal:</translation>
    </message>
    <message>
        <source>ASA unit</source>
        <translation>Unidad del fiscal adjunto</translation>
    </message>
    <message>
        <source>&amp;Reference:</source>
        <translation>&amp;Referencia:</translation>
    </message>
    <message>
        <source>Felony review reference</source>
        <translation>Referencia de la revisión de delitos graves</translation>
    </message>
    <message>
        <source>C&amp;harge approved or filed:</source>
        <translation>Cargo aprobado o &amp;presentado:</translation>
    </message>
    <message>
        <source>Charge</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <source>Charge c&amp;lass:</source>
        <translation>C&amp;lase del cargo:</translation>
    </message>
    <message>
        <source>Charge class</source>
        <translation>Clase del cargo</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>&amp;Comentario:</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comentario</translation>
    </message>
    <message>
        <source>A felony review decision is recorded for a referred incident whose review is not final.</source>
        <translation>La decisión de la revisión se registra en un incidente remitido cuya revisión no es definitiva.</translation>
    </message>
    <message>
        <source>Not recorded: %1</source>
        <translation>No se registró: %1</translation>
    </message>
    <message>
        <source>Touhy requests are recorded after the referral to CCSAO.</source>
        <translation>Las solicitudes Touhy se registran después de la remisión a la CCSAO.</translation>
    </message>
    <message>
        <source>Touhy requests</source>
        <translation>Solicitudes Touhy</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Report number</source>
        <translation>Número de reporte</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Distrito</translation>
    </message>
    <message>
        <source>Beat</source>
        <translation>Sector (beat)</translation>
    </message>
    <message>
        <source>Occurred at</source>
        <translation>Fecha y hora del hecho</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Latitud</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Longitud</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Narrative</source>
        <translation>Narrativa</translation>
    </message>
    <message>
        <source>Supervisor name</source>
        <translation>Nombre del supervisor</translation>
    </message>
    <message>
        <source>Supervisor star</source>
        <translation>Estrella del supervisor</translation>
    </message>
    <message>
        <source>Reporting party&apos;s name</source>
        <translation>Nombre de la persona informante</translation>
    </message>
    <message>
        <source>Reporting party&apos;s phone</source>
        <translation>Teléfono de la persona informante</translation>
    </message>
    <message>
        <source>Reporting party&apos;s address</source>
        <translation>Dirección de la persona informante</translation>
    </message>
    <message>
        <source>Preferred language</source>
        <translation>Idioma preferido</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Agencia</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Badge or ID</source>
        <translation>Placa de identificación o ID</translation>
    </message>
    <message>
        <source>How identified</source>
        <translation>Cómo se identificó</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Vehicle plate</source>
        <translation>Placa del vehículo</translation>
    </message>
    <message>
        <source>Plate state</source>
        <translation>Estado de la placa</translation>
    </message>
    <message>
        <source>Make</source>
        <translation>Marca</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Color</source>
        <translation>Color</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Device or camera ID</source>
        <translation>ID del dispositivo o cámara</translation>
    </message>
    <message>
        <source>Officer star</source>
        <translation>Estrella del oficial</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Evidence ID</source>
        <translation>ID de evidencia</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation>Huella SHA-256</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>Tamaño del archivo</translation>
    </message>
    <message>
        <source>Preservation</source>
        <translation>Preservación</translation>
    </message>
    <message>
        <source>Preservation requested at</source>
        <translation>Preservación solicitada el</translation>
    </message>
    <message>
        <source>Preservation deadline</source>
        <translation>Plazo de preservación</translation>
    </message>
    <message>
        <source>Alleged violations</source>
        <translation>Presuntas violaciones</translation>
    </message>
    <message>
        <source>Statute</source>
        <translation>Disposición legal</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Clase</translation>
    </message>
    <message>
        <source>Agents concerned</source>
        <translation>Agentes a los que concierne</translation>
    </message>
    <message>
        <source>CPD RD number</source>
        <translation>Número RD de CPD</translation>
    </message>
    <message>
        <source>OEMC event number</source>
        <translation>Número de evento de OEMC</translation>
    </message>
    <message>
        <source>Credential check</source>
        <translation>Verificación de credenciales</translation>
    </message>
    <message>
        <source>Federal supervisor&apos;s agency</source>
        <translation>Agencia del supervisor federal</translation>
    </message>
    <message>
        <source>Federal supervisor&apos;s agency name</source>
        <translation>Nombre de la agencia del supervisor federal</translation>
    </message>
    <message>
        <source>Federal supervisor&apos;s name</source>
        <translation>Nombre del supervisor federal</translation>
    </message>
    <message>
        <source>Federal supervisor&apos;s badge or ID</source>
        <translation>Placa o identificación del supervisor federal</translation>
    </message>
    <message>
        <source>Why not attempted</source>
        <translation>Por qué no se intentó</translation>
    </message>
    <message>
        <source>Time of the credential check</source>
        <translation>Hora de la verificación de credenciales</translation>
    </message>
    <message>
        <source>Footage showing the check</source>
        <translation>Video de la verificación</translation>
    </message>
    <message>
        <source>Force used</source>
        <translation>Uso de fuerza</translation>
    </message>
    <message>
        <source>Injuries</source>
        <translation>Lesiones</translation>
    </message>
    <message>
        <source>Injury</source>
        <translation>Lesión</translation>
    </message>
    <message>
        <source>Injured person</source>
        <translation>Persona lesionada</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <source>Anyone injured</source>
        <translation>Alguien lesionado</translation>
    </message>
    <message>
        <source>EMS summoned at</source>
        <translation>EMS llamado a las</translation>
    </message>
    <message>
        <source>EMS unit</source>
        <translation>Unidad de EMS</translation>
    </message>
    <message>
        <source>Transported to</source>
        <translation>Trasladado a</translation>
    </message>
    <message>
        <source>Agency name</source>
        <translation>Nombre de la agencia</translation>
    </message>
    <message>
        <source>Flagged at</source>
        <translation>Marcado el</translation>
    </message>
    <message>
        <source>Flag reasons</source>
        <translation>Motivos de la marca</translation>
    </message>
    <message>
        <source>Hold form</source>
        <translation>Formulario de retención</translation>
    </message>
    <message>
        <source>Subsection</source>
        <translation>Inciso</translation>
    </message>
    <message>
        <source>Reviewing ASA</source>
        <translation>Fiscal adjunto revisor</translation>
    </message>
    <message>
        <source>ASA unit</source>
        <translation>Unidad del fiscal adjunto</translation>
    </message>
    <message>
        <source>Felony review reference</source>
        <translation>Referencia de la revisión de delitos graves</translation>
    </message>
    <message>
        <source>Felony review decision</source>
        <translation>Decisión de la revisión de delitos graves</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>Fecha de la decisión</translation>
    </message>
    <message>
        <source>Charges</source>
        <translation>Cargos</translation>
    </message>
    <message>
        <source>Charge citation</source>
        <translation>Cita del cargo</translation>
    </message>
    <message>
        <source>Charge class</source>
        <translation>Clase del cargo</translation>
    </message>
    <message>
        <source>Decision comment</source>
        <translation>Comentario de la decisión</translation>
    </message>
    <message>
        <source>Touhy request</source>
        <translation>Solicitud Touhy</translation>
    </message>
    <message>
        <source>Touhy request agency</source>
        <translation>Agencia de la solicitud Touhy</translation>
    </message>
    <message>
        <source>Touhy request sent on</source>
        <translation>Solicitud Touhy enviada el</translation>
    </message>
    <message>
        <source>RD number pattern</source>
        <translation>Patrón del número RD</translation>
    </message>
    <message>
        <source>OEMC event number pattern</source>
        <translation>Patrón del número de evento OEMC</translation>
    </message>
    <message>
        <source>Footage retention</source>
        <translation>Retención de grabaciones</translation>
    </message>
    <message>
        <source>POD camera retention</source>
        <translation>Retención de cámaras POD</translation>
    </message>
    <message>
        <source>Private camera retention</source>
        <translation>Retención de cámaras privadas</translation>
    </message>
    <message>
        <source>Agent %1</source>
        <translation>Agente %1</translation>
    </message>
    <message>
        <source>Footage %1</source>
        <translation>Grabación %1</translation>
    </message>
    <message>
        <source>Alleged violation %1</source>
        <translation>Presunta violación %1</translation>
    </message>
    <message>
        <source>Injury %1</source>
        <translation>Lesión %1</translation>
    </message>
</context>
<context>
    <name>FirstAdministratorDialog</name>
    <message>
        <source>Create the first administrator</source>
        <translation>Crear el primer administrador</translation>
    </message>
    <message>
        <source>This station has no users yet. Create the administrator, who then adds the supervisors and reviewers. From now on everyone signs in with their star number and passphrase.</source>
        <translation>Esta estación aún no tiene usuarios. Cree el administrador, quien luego agregará a los supervisores y revisores. A partir de ahora, todos inician sesión con su número de estrella y su frase de contraseña.</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>&amp;Star number</source>
        <translation>Número de &amp;estrella</translation>
    </message>
    <message>
        <source>&amp;Passphrase (10+ characters)</source>
        <translation>&amp;Frase de contraseña (10 caracteres o más)</translation>
    </message>
    <message>
        <source>&amp;Repeat passphrase</source>
        <translation>&amp;Repita la frase de contraseña</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
    <message>
        <source>Creating the administrator…</source>
        <translation>Creando el administrador…</translation>
    </message>
</context>
<context>
    <name>HashProgress</name>
    <message>
        <source>Hashing progress</source>
        <translation>Progreso del cálculo de la huella</translation>
    </message>
    <message>
        <source>Cancel &amp;hashing</source>
        <translation>Cancelar el &amp;cálculo</translation>
    </message>
    <message>
        <source>Computing SHA-256…</source>
        <translation>Calculando SHA-256…</translation>
    </message>
    <message>
        <source>Cancelled: no hash stored.</source>
        <translation>Cancelado: no se guardó ninguna huella.</translation>
    </message>
    <message>
        <source>%1 of %2 MB · %3</source>
        <translation>%1 de %2 MB · %3</translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>No se puede leer el archivo: %1</translation>
    </message>
    <message>
        <source>SHA-256 of the attached file</source>
        <translation>SHA-256 del archivo adjunto</translation>
    </message>
    <message>
        <source>SHA-256 %1… (hashed %2)</source>
        <translation>SHA-256 %1… (calculada el %2)</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>Created</source>
        <translation>Creado</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importado</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modificado</translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation>Cambio de estado</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Eliminado</translation>
    </message>
    <message>
        <source>Audit trail started</source>
        <translation>Inicio del registro de auditoría</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Impreso</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exportado</translation>
    </message>
    <message>
        <source>Referral packet</source>
        <translation>Paquete de remisión</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Sincronizado</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>Valor anterior</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Valor nuevo</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>Loading the history…</source>
        <translation>Cargando el historial…</translation>
    </message>
    <message>
        <source>History of changes</source>
        <translation>Historial de cambios</translation>
    </message>
    <message>
        <source>%1 entries, oldest first. Each is chained and signed; `intake verify` checks them.</source>
        <translation>%1 entradas, primero la más antigua. Cada una está encadenada y firmada; `intake verify` las comprueba.</translation>
    </message>
    <message>
        <source>The history could not be read: %1</source>
        <translation>No se pudo leer el historial: %1</translation>
    </message>
</context>
<context>
    <name>IncidentListScreen</name>
    <message>
        <source>Report number, narrative, address, agent name, badge, plate…</source>
        <translation>Número de reporte, narrativa, dirección, nombre del agente, placa de identificación, placa del vehículo…</translation>
    </message>
    <message>
        <source>Search incidents</source>
        <translation>Buscar incidentes</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Filtro de estado</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Cualquier estado</translation>
    </message>
    <message>
        <source>District filter</source>
        <translation>Filtro de distrito</translation>
    </message>
    <message>
        <source>Any district</source>
        <translation>Cualquier distrito</translation>
    </message>
    <message>
        <source>&amp;Between</source>
        <translation>&amp;Entre</translation>
    </message>
    <message>
        <source>Filter by date</source>
        <translation>Filtrar por fecha</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Fecha desde</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Fecha hasta</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Incidentes</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Buscar:</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>Es&amp;tado:</translation>
    </message>
    <message>
        <source>Distri&amp;ct:</source>
        <translation>Distri&amp;to:</translation>
    </message>
    <message>
        <source>and</source>
        <translation>y</translation>
    </message>
    <message>
        <source>No incident matches.</source>
        <translation>Ningún incidente coincide.</translation>
    </message>
    <message>
        <source>No incident on this computer yet. Use File &gt; New incident (Ctrl+N) to enter the first one.</source>
        <translation>Todavía no hay incidentes en esta computadora. Use Archivo &gt; Nuevo incidente (Ctrl+N) para ingresar el primero.</translation>
    </message>
    <message>
        <source>The list could not be loaded: %1</source>
        <translation>No se pudo cargar la lista: %1</translation>
    </message>
</context>
<context>
    <name>IncidentTableModel</name>
    <message>
        <source>Report number</source>
        <translation>Número de reporte</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Distrito</translation>
    </message>
    <message>
        <source>Beat</source>
        <translation>Sector (beat)</translation>
    </message>
    <message>
        <source>Occurred</source>
        <translation>Fecha del hecho</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agentes</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <source>Synthetic demo record: not a real incident</source>
        <translation>Registro de demostración sintético: no es un incidente real</translation>
    </message>
    <message>
        <source>(not yet numbered)</source>
        <translation>(aún sin número)</translation>
    </message>
</context>
<context>
    <name>IncidentView</name>
    <message>
        <source>Opening the sealed identity…</source>
        <translation>Abriendo la identidad sellada…</translation>
    </message>
    <message>
        <source>The sealed identity could not be opened: %1</source>
        <translation>No se pudo abrir la identidad sellada: %1</translation>
    </message>
    <message>
        <source>DEMO DATA</source>
        <translation>DATOS DE DEMOSTRACIÓN</translation>
    </message>
    <message>
        <source>Incident heading</source>
        <translation>Encabezado del incidente</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>Only drafts can be edited.</source>
        <translation>Solo se pueden editar los borradores.</translation>
    </message>
    <message>
        <source>Sealed identity</source>
        <translation>Identidad sellada</translation>
    </message>
    <message>
        <source>Incident record</source>
        <translation>Registro del incidente</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>&amp;Registro</translation>
    </message>
    <message>
        <source>%1 could not be shown: %2</source>
        <translation>No se pudo mostrar %1: %2</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Vínculos</translation>
    </message>
    <message>
        <source>Pre&amp;view packet…</source>
        <translation>&amp;Vista previa del paquete…</translation>
    </message>
    <message>
        <source>&amp;Print packet…</source>
        <translation>&amp;Imprimir paquete…</translation>
    </message>
    <message>
        <source>Save packet as P&amp;DF…</source>
        <translation>Guardar paquete como P&amp;DF…</translation>
    </message>
    <message>
        <source>Mark referral &amp;sent…</source>
        <translation>Marcar remisión e&amp;nviada…</translation>
    </message>
    <message>
        <source>Review &amp;log</source>
        <translation>Historial de re&amp;visión</translation>
    </message>
    <message>
        <source>Re&amp;cord felony review decision…</source>
        <translation>Registrar decisión de la revisión de &amp;delitos graves…</translation>
    </message>
    <message>
        <source>&amp;Touhy requests…</source>
        <translation>Solicitudes &amp;Touhy…</translation>
    </message>
</context>
<context>
    <name>IncidentWizard</name>
    <message>
        <source>Save &amp;draft</source>
        <translation>Guardar &amp;borrador</translation>
    </message>
    <message>
        <source>&amp;Submit for review</source>
        <translation>&amp;Enviar a revisión</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>Paso %1 de %2: %3</translation>
    </message>
    <message>
        <source>New incident</source>
        <translation>Nuevo incidente</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Incidente</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>Falló el guardado automático: %1</translation>
    </message>
    <message>
        <source> It still has %1 problem(s) to fix.</source>
        <translation> Aún tiene %1 problema(s) por corregir.</translation>
    </message>
    <message>
        <source>Saved as draft %1.</source>
        <translation>Guardado como borrador %1.</translation>
    </message>
    <message>
        <source>This incident was changed elsewhere since you opened it, so nothing was saved. What you typed is still here and in the autosave: note your changes, close, reopen the incident and enter them again.

%1</source>
        <translation>Este incidente fue modificado en otro lugar desde que lo abrió, así que no se guardó nada. Lo que escribió sigue aquí y en el guardado automático: anote sus cambios, cierre, vuelva a abrir el incidente e ingréselos de nuevo.

%1</translation>
    </message>
    <message>
        <source>The incident could not be saved. What you typed is still here.

%1</source>
        <translation>No se pudo guardar el incidente. Lo que escribió sigue aquí.

%1</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>No guardado</translation>
    </message>
    <message>
        <source>Not submitted: fix the problems listed above first (Save draft keeps your work).</source>
        <translation>No enviado: primero corrija los problemas indicados arriba (Guardar borrador conserva su trabajo).</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>Save your changes as a draft before closing?</source>
        <translation>¿Guardar sus cambios como borrador antes de cerrar?</translation>
    </message>
</context>
<context>
    <name>Links</name>
    <message>
        <source>Report number</source>
        <translation>Número de reporte</translation>
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
    <name>LockScreen</name>
    <message>
        <source>Intake is locked</source>
        <translation>Intake está bloqueado</translation>
    </message>
    <message>
        <source>Star number</source>
        <translation>Número de estrella</translation>
    </message>
    <message>
        <source>&amp;Star number</source>
        <translation>Número de &amp;estrella</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Frase de contraseña</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <source>Sign in as &amp;another user</source>
        <translation>Iniciar sesión como &amp;otro usuario</translation>
    </message>
    <message>
        <source>&amp;Back: unlock as %1</source>
        <translation>&amp;Volver: desbloquear como %1</translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation>&amp;Iniciar sesión</translation>
    </message>
    <message>
        <source>Locked. Sign in with your star number and passphrase. What %1 left open is kept for them as an unsaved form, which they get back when they sign in again.</source>
        <translation>Bloqueado. Inicie sesión con su número de estrella y su frase de contraseña. Lo que %1 dejó abierto se le guarda como formulario sin guardar, que recupera al volver a iniciar sesión.</translation>
    </message>
    <message>
        <source>Locked. %1, type your passphrase to continue.</source>
        <translation>Bloqueado. %1, escriba su frase de contraseña para continuar.</translation>
    </message>
    <message>
        <source>Unlock first to close Intake: you are then asked about unsaved work.</source>
        <translation>Desbloquee primero para cerrar Intake: entonces se le preguntará por el trabajo sin guardar.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Incidents</source>
        <translation>&amp;Incidentes</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;New incident…</source>
        <translation>&amp;Nuevo incidente…</translation>
    </message>
    <message>
        <source>&amp;Open selected</source>
        <translation>&amp;Abrir seleccionado</translation>
    </message>
    <message>
        <source>&amp;Delete draft…</source>
        <translation>&amp;Eliminar borrador…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;About Intake</source>
        <translation>&amp;Acerca de Intake</translation>
    </message>
    <message>
        <source>Vie&amp;w</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>%1 incident(s) on this computer</source>
        <translation>%1 incidente(s) en esta computadora</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Incidente</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>Eliminar borrador</translation>
    </message>
    <message>
        <source>Only drafts can be deleted.</source>
        <translation>Solo se pueden eliminar los borradores.</translation>
    </message>
    <message>
        <source>Delete draft %1? This cannot be undone.</source>
        <translation>¿Eliminar el borrador %1? Esto no se puede deshacer.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>The new language is used from the next start of Intake. Restart now? An open incident is not lost: you are asked to save it first.</source>
        <translation>El nuevo idioma se usa a partir del próximo inicio de Intake. ¿Reiniciar ahora? Un incidente abierto no se pierde: primero se le pregunta si desea guardarlo.</translation>
    </message>
    <message>
        <source>&amp;Restart now</source>
        <translation>&amp;Reiniciar ahora</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Más tarde</translation>
    </message>
    <message>
        <source>Unsaved incident</source>
        <translation>Incidente sin guardar</translation>
    </message>
    <message>
        <source>An unsaved incident from %1 was found (%2).</source>
        <translation>Se encontró un incidente sin guardar del %1 (%2).</translation>
    </message>
    <message>
        <source>never saved</source>
        <translation>nunca guardado</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurar</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Descartar</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tablero</translation>
    </message>
    <message>
        <source>Preservation alerts</source>
        <translation>Alertas de preservación</translation>
    </message>
    <message>
        <source>S&amp;ync</source>
        <translation>Sincroni&amp;zación</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>Sincronizar &amp;ahora</translation>
    </message>
    <message>
        <source>&amp;Conflicts…</source>
        <translation>&amp;Conflictos…</translation>
    </message>
    <message>
        <source>&amp;Enroll this computer…</source>
        <translation>&amp;Inscribir esta computadora…</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>&amp;Bloquear ahora</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Cerrar &amp;sesión</translation>
    </message>
    <message>
        <source>Sec&amp;urity</source>
        <translation>S&amp;eguridad</translation>
    </message>
    <message>
        <source>Review &amp;queue</source>
        <translation>Cola de re&amp;visión</translation>
    </message>
    <message>
        <source>Review &amp;queue (%1)</source>
        <translation>Cola de re&amp;visión (%1)</translation>
    </message>
    <message>
        <source>&amp;Users...</source>
        <translation>&amp;Usuarios...</translation>
    </message>
    <message>
        <source>Returned to you</source>
        <translation>Devueltos a usted</translation>
    </message>
    <message>
        <source>A reviewer returned %1 record(s) to you for changes. Open each from the Incidents list, fix it and submit it again.</source>
        <translation>Un revisor le devolvió %1 registro(s) para que los cambie. Abra cada uno desde la lista de incidentes, corríjalo y vuelva a enviarlo.</translation>
    </message>
    <message>
        <source>Signed in: %1 (%2)</source>
        <translation>Sesión iniciada: %1 (%2)</translation>
    </message>
    <message>
        <source>Only the supervisor who entered it or a reviewer can edit it.</source>
        <translation>Solo el supervisor que lo ingresó o un revisor puede editarlo.</translation>
    </message>
</context>
<context>
    <name>PacketActions</name>
    <message>
        <source>No printer is set up on this computer (or the print system is not running). Use Save as PDF and print the file elsewhere.</source>
        <translation>No hay ninguna impresora configurada en esta computadora (o el sistema de impresión no está funcionando). Use Guardar como PDF e imprima el archivo en otro lugar.</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Guardar como PDF</translation>
    </message>
    <message>
        <source>Save the referral packet as PDF</source>
        <translation>Guardar el paquete de remisión como PDF</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Guardado</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Se guardó %1</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <source>Print the referral packet</source>
        <translation>Imprimir el paquete de remisión</translation>
    </message>
    <message>
        <source>Sent the packet to %1 (%2).</source>
        <translation>Se envió el paquete a %1 (%2).</translation>
    </message>
    <message>
        <source>Referral packet %1: preview</source>
        <translation>Paquete de remisión %1: vista previa</translation>
    </message>
    <message>
        <source>Packet pages</source>
        <translation>Páginas del paquete</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Guardar como PDF…</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>Mark referral sent</source>
        <translation>Marcar remisión enviada</translation>
    </message>
    <message>
        <source>The packet was sent to the Cook County State&apos;s Attorney&apos;s Office.
CCSAO reference number (leave empty if not known yet; add it later):</source>
        <translation>El paquete se envió a la Fiscalía del Condado de Cook (Cook County State&apos;s Attorney&apos;s Office).
Número de referencia de la CCSAO (déjelo vacío si aún no lo conoce; agréguelo después):</translation>
    </message>
    <message>
        <source>%1: sent %2</source>
        <translation>%1: enviado el %2</translation>
    </message>
    <message>
        <source>, CCSAO reference %1</source>
        <translation>, referencia de la CCSAO %1</translation>
    </message>
</context>
<context>
    <name>Passphrase</name>
    <message>
        <source>Checking the passphrase…</source>
        <translation>Comprobando la frase de contraseña…</translation>
    </message>
    <message>
        <source>The passphrase could not be checked: %1</source>
        <translation>No se pudo comprobar la frase de contraseña: %1</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>This computer has no secure keyring to keep the database key. Choose a passphrase of at least 12 characters: the encrypted store is opened with it from now on. Keep it safe: without it the records cannot be read.</source>
        <translation>Esta computadora no tiene un llavero seguro para guardar la clave de la base de datos. Elija una frase de contraseña de al menos 12 caracteres: a partir de ahora el almacén cifrado se abre con ella. Guárdela bien: sin ella no se pueden leer los registros.</translation>
    </message>
    <message>
        <source>The local store is protected by a passphrase. Enter it to open the records.</source>
        <translation>El almacén local está protegido por una frase de contraseña. Escríbala para abrir los registros.</translation>
    </message>
    <message>
        <source>That passphrase does not open the local store. Try again.</source>
        <translation>Esa frase de contraseña no abre el almacén local. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The passphrase is too short: use at least 12 characters.</source>
        <translation>La frase de contraseña es demasiado corta: use al menos 12 caracteres.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Repita la frase de contraseña</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frase de contraseña:</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>&amp;Otra vez:</translation>
    </message>
    <message>
        <source>Use at least 12 characters.</source>
        <translation>Use al menos 12 caracteres.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
</context>
<context>
    <name>PreservationScreen</name>
    <message>
        <source>Deadline</source>
        <translation>Fecha límite</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Días restantes</translation>
    </message>
    <message>
        <source>Report number</source>
        <translation>Número de reporte</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Cámara</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Dispositivo</translation>
    </message>
    <message>
        <source>Officer star</source>
        <translation>Estrella del oficial</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Evidence ID</source>
        <translation>ID de evidencia</translation>
    </message>
    <message>
        <source>RD number</source>
        <translation>Número RD</translation>
    </message>
    <message>
        <source>OEMC event</source>
        <translation>Evento de OEMC</translation>
    </message>
    <message>
        <source>Deadline is</source>
        <translation>El plazo es</translation>
    </message>
    <message>
        <source>kept until (flagged)</source>
        <translation>se conserva hasta (marcado)</translation>
    </message>
    <message>
        <source>the date to flag by (else purged)</source>
        <translation>la fecha límite para marcarlo (si no, se borra)</translation>
    </message>
    <message>
        <source>purged after</source>
        <translation>se borra después</translation>
    </message>
    <message>
        <source>owner may overwrite it any day</source>
        <translation>el dueño puede sobrescribirla cualquier día</translation>
    </message>
    <message>
        <source>unknown start</source>
        <translation>inicio desconocido</translation>
    </message>
    <message>
        <source>%1 days OVERDUE</source>
        <translation>VENCIDO hace %1 días</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 días</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Footage awaiting preservation</source>
        <translation>Grabaciones pendientes de preservación</translation>
    </message>
    <message>
        <source>Evidence-management ID (e.g. Evidence.com), needed for Preserved</source>
        <translation>ID del sistema de gestión de evidencias (p. ej., Evidence.com), necesario para Preservada</translation>
    </message>
    <message>
        <source>Evidence-management ID</source>
        <translation>ID del sistema de gestión de evidencias</translation>
    </message>
    <message>
        <source>Mark &amp;requested</source>
        <translation>Marcar &amp;solicitada</translation>
    </message>
    <message>
        <source>Mark &amp;preserved</source>
        <translation>Marcar &amp;preservada</translation>
    </message>
    <message>
        <source>Refresh &amp;now</source>
        <translation>Ac&amp;tualizar ahora</translation>
    </message>
    <message>
        <source>Show &amp;more</source>
        <translation>Mostrar &amp;más</translation>
    </message>
    <message>
        <source>List the next items by deadline</source>
        <translation>Listar las siguientes por fecha límite</translation>
    </message>
    <message>
        <source>All body-worn and in-car footage is confirmed preserved.</source>
        <translation>Todas las grabaciones de cámaras corporales y de vehículos policiales tienen la preservación confirmada.</translation>
    </message>
    <message>
        <source>Footage not yet confirmed preserved: %1, soonest deadline first.</source>
        <translation>Grabaciones aún sin preservación confirmada: %1, primero la fecha límite más próxima.</translation>
    </message>
    <message>
        <source>Footage not yet confirmed preserved: %1, soonest deadline first; past the deadline: %2.</source>
        <translation>Grabaciones aún sin preservación confirmada: %1, primero la fecha límite más próxima; con la fecha límite vencida: %2.</translation>
    </message>
    <message>
        <source>Listed: the %1 soonest.</source>
        <translation>Se listan las %1 más próximas.</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>No se hizo: %1</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>A device or camera id (or an evidence-management id) is required</source>
        <translation>Se requiere el ID de un dispositivo o cámara (o un ID del sistema de gestión de evidencias)</translation>
    </message>
    <message>
        <source>A phone number (consent to contact was given) is required</source>
        <translation>Se requiere un número de teléfono (se dio consentimiento para contactar)</translation>
    </message>
    <message>
        <source>A statute is required</source>
        <translation>Se requiere una disposición legal</translation>
    </message>
    <message>
        <source>Address is required</source>
        <translation>Se requiere la dirección</translation>
    </message>
    <message>
        <source>An agent with no name or badge needs a physical description or a vehicle</source>
        <translation>Un agente sin nombre ni placa de identificación requiere una descripción física o un vehículo</translation>
    </message>
    <message>
        <source>At least one alleged violation is required</source>
        <translation>Se requiere al menos una presunta violación</translation>
    </message>
    <message>
        <source>Beat is required</source>
        <translation>Se requiere el sector (beat)</translation>
    </message>
    <message>
        <source>Choose the class: {classes}</source>
        <translation>Elija la clase: {classes}</translation>
    </message>
    <message>
        <source>Choose the class: {classes} ({note})</source>
        <translation>Elija la clase: {classes} ({note})</translation>
    </message>
    <message>
        <source>Date and time of the incident is required</source>
        <translation>Se requieren la fecha y la hora del incidente</translation>
    </message>
    <message>
        <source>District is required</source>
        <translation>Se requiere el distrito</translation>
    </message>
    <message>
        <source>End time is required</source>
        <translation>Se requiere la hora de fin</translation>
    </message>
    <message>
        <source>How the agent was identified is required</source>
        <translation>Se requiere indicar cómo se identificó al agente</translation>
    </message>
    <message>
        <source>Narrative is required</source>
        <translation>Se requiere la narrativa</translation>
    </message>
    <message>
        <source>Source of the report is required</source>
        <translation>Se requiere la fuente del reporte</translation>
    </message>
    <message>
        <source>Start time is required</source>
        <translation>Se requiere la hora de inicio</translation>
    </message>
    <message>
        <source>Supervisor name is required</source>
        <translation>Se requiere el nombre del supervisor</translation>
    </message>
    <message>
        <source>Supervisor star number is required</source>
        <translation>Se requiere el número de estrella del supervisor</translation>
    </message>
    <message>
        <source>The officer&apos;s star number for body-worn camera footage is required</source>
        <translation>Se requiere el número de estrella del oficial para las grabaciones de cámara corporal</translation>
    </message>
    <message>
        <source>The plate&apos;s state is required</source>
        <translation>Se requiere el estado de la placa</translation>
    </message>
    <message>
        <source>beat {beat} is not in district {district} (its first two digits are the district)</source>
        <translation>el sector {beat} no está en el distrito {district} (sus dos primeros dígitos son el distrito)</translation>
    </message>
    <message>
        <source>cannot be negative</source>
        <translation>no puede ser negativo</translation>
    </message>
    <message>
        <source>is larger than {limit}</source>
        <translation>es mayor que {limit}</translation>
    </message>
    <message>
        <source>holds {count} entries; the limit is {limit}</source>
        <translation>tiene {count} entradas; el límite es {limit}</translation>
    </message>
    <message>
        <source>is outside the times a record may hold ({limits})</source>
        <translation>está fuera de las fechas que un registro puede tener ({limits})</translation>
    </message>
    <message>
        <source>holds a control character (U+{code}) at position {position}</source>
        <translation>contiene un carácter de control (U+{code}) en la posición {position}</translation>
    </message>
    <message>
        <source>give both latitude and longitude, or neither</source>
        <translation>indique la latitud y la longitud, o ninguna de las dos</translation>
    </message>
    <message>
        <source>is before the start time</source>
        <translation>es anterior a la hora de inicio</translation>
    </message>
    <message>
        <source>is in the future</source>
        <translation>está en el futuro</translation>
    </message>
    <message>
        <source>is {length} characters long; the limit is {limit}</source>
        <translation>tiene {length} caracteres; el límite es {limit}</translation>
    </message>
    <message>
        <source>must be 4 digits, e.g. 0911</source>
        <translation>debe tener 4 dígitos, p. ej., 0911</translation>
    </message>
    <message>
        <source>must be 64 lowercase hexadecimal characters</source>
        <translation>debe tener 64 caracteres hexadecimales en minúscula</translation>
    </message>
    <message>
        <source>must be a language code such as en or es</source>
        <translation>debe ser un código de idioma como en o es</translation>
    </message>
    <message>
        <source>must be a two-letter state code such as IL</source>
        <translation>debe ser un código de estado de dos letras como IL</translation>
    </message>
    <message>
        <source>cannot be written on a record whose civilians&apos; identity is sealed: it would replace what is sealed. The station that entered the record adds it</source>
        <translation>no se puede escribir en un registro cuya identidad de civiles está sellada: reemplazaría lo sellado. Lo agrega la estación que ingresó el registro</translation>
    </message>
    <message>
        <source>must be digits only (a star number)</source>
        <translation>debe tener solo dígitos (un número de estrella)</translation>
    </message>
    <message>
        <source>must look like D009-2026-K7Q-00042</source>
        <translation>debe tener la forma D009-2026-K7Q-00042</translation>
    </message>
    <message>
        <source>needs a time zone</source>
        <translation>necesita una zona horaria</translation>
    </message>
    <message>
        <source>refers to an agent that is not in this incident</source>
        <translation>se refiere a un agente que no está en este incidente</translation>
    </message>
    <message>
        <source>use digits, spaces, +, ( ) - or . only (7 to 25 characters)</source>
        <translation>use solo dígitos, espacios, +, ( ) - o . (de 7 a 25 caracteres)</translation>
    </message>
    <message>
        <source>use letters, digits, spaces or dashes (at most 10)</source>
        <translation>use letras, dígitos, espacios o guiones (10 como máximo)</translation>
    </message>
    <message>
        <source>{chosen} is not a class of {citation} ({classes})</source>
        <translation>{chosen} no es una clase de {citation} ({classes})</translation>
    </message>
    <message>
        <source>{district} is not a CPD district in service (1-12, 14-20, 22, 24, 25)</source>
        <translation>{district} no es un distrito del CPD en servicio (1-12, 14-20, 22, 24, 25)</translation>
    </message>
    <message>
        <source>A verified credential check records the supervisor&apos;s name and badge</source>
        <translation>Una verificación de credenciales confirmada registra el nombre y la placa del supervisor</translation>
    </message>
    <message>
        <source>Describe each injured person</source>
        <translation>Describa a cada persona lesionada</translation>
    </message>
    <message>
        <source>Describe the injury</source>
        <translation>Describa la lesión</translation>
    </message>
    <message>
        <source>Force was used: say whether anyone was injured</source>
        <translation>Se usó la fuerza: indique si alguien resultó lesionado</translation>
    </message>
    <message>
        <source>Name the federal agency (e.g. DOJ)</source>
        <translation>Indique el nombre de la agencia federal (p. ej., DOJ)</translation>
    </message>
    <message>
        <source>The charges approved or filed are required</source>
        <translation>Se requieren los cargos aprobados o presentados</translation>
    </message>
    <message>
        <source>The federal supervisor&apos;s credential check (or that none was present) is required</source>
        <translation>Se requiere la verificación de credenciales del supervisor federal (o que no había ninguno)</translation>
    </message>
    <message>
        <source>The footage that shows the credential check is required</source>
        <translation>Se requiere el video que muestra la verificación de credenciales</translation>
    </message>
    <message>
        <source>The reviewing Assistant State&apos;s Attorney is required</source>
        <translation>Se requiere el fiscal adjunto que revisa el caso</translation>
    </message>
    <message>
        <source>The time of the credential check is required</source>
        <translation>Se requiere la hora de la verificación de credenciales</translation>
    </message>
    <message>
        <source>What the Touhy request asks for is required</source>
        <translation>Se requiere lo que pide la solicitud Touhy</translation>
    </message>
    <message>
        <source>A pattern is required</source>
        <translation>Se requiere un patrón</translation>
    </message>
    <message>
        <source>is not a valid pattern: {error}</source>
        <translation>no es un patrón válido: {error}</translation>
    </message>
    <message>
        <source>must be between {low} and {high} days</source>
        <translation>debe estar entre {low} y {high} días</translation>
    </message>
    <message>
        <source>When the footage was flagged is required</source>
        <translation>Se requiere cuándo se marcó el video</translation>
    </message>
    <message>
        <source>Why the credential check was not attempted is required</source>
        <translation>Se requiere por qué no se intentó la verificación de credenciales</translation>
    </message>
    <message>
        <source>Why the footage was flagged is required</source>
        <translation>Se requiere por qué se marcó el video</translation>
    </message>
    <message>
        <source>beat {beat} is not a beat of district {district}</source>
        <translation>el sector {beat} no es un sector del distrito {district}</translation>
    </message>
    <message>
        <source>beat {typed} disagrees with the coordinates, which are in beat {derived}</source>
        <translation>el sector {typed} no coincide con las coordenadas, que están en el sector {derived}</translation>
    </message>
    <message>
        <source>district {typed} disagrees with the coordinates, which are in district {derived} (beat {beat})</source>
        <translation>el distrito {typed} no coincide con las coordenadas, que están en el distrito {derived} (sector {beat})</translation>
    </message>
    <message>
        <source>is before the decision it follows</source>
        <translation>es anterior a la decisión que sigue</translation>
    </message>
    <message>
        <source>is not an OEMC event number (the settings give its pattern)</source>
        <translation>no es un número de evento de OEMC (la configuración indica su formato)</translation>
    </message>
    <message>
        <source>is not an RD number (the settings give its pattern)</source>
        <translation>no es un número RD (la configuración indica su formato)</translation>
    </message>
    <message>
        <source>must be an RD number: two letters and six digits, e.g. JK123456</source>
        <translation>debe ser un número RD: dos letras y seis dígitos, p. ej., JK123456</translation>
    </message>
    <message>
        <source>must look like (e)(1)</source>
        <translation>debe escribirse como (e)(1)</translation>
    </message>
    <message>
        <source>refers to footage that is not in this incident</source>
        <translation>se refiere a un video que no está en este incidente</translation>
    </message>
    <message>
        <source>says no one was injured, but injuries are listed</source>
        <translation>dice que nadie resultó lesionado, pero hay lesiones registradas</translation>
    </message>
    <message>
        <source>{decision} cannot follow {previous}</source>
        <translation>{decision} no puede seguir a {previous}</translation>
    </message>
    <message>
        <source>{latitude}, {longitude} is outside Chicago (in none of its police beats)</source>
        <translation>{latitude}, {longitude} está fuera de Chicago (en ninguno de sus sectores policiales)</translation>
    </message>
    <message>
        <source>{letters} is not the RD letters of {year} ({expected})</source>
        <translation>{letters} no son las letras RD de {year} ({expected})</translation>
    </message>
    <message>
        <source>{statute} is not in the statute catalogue</source>
        <translation>{statute} no está en el catálogo de disposiciones legales</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Intake hit an unexpected error. Saved records and autosaved drafts are kept.

A report without personal data was written to:
%1

Give this file to your administrator.</source>
        <translation>Intake tuvo un error inesperado. Los registros guardados y los borradores guardados automáticamente se conservan.

Se escribió un informe sin datos personales en:
%1

Entregue este archivo a su administrador.</translation>
    </message>
</context>
<context>
    <name>ReceiptOffer</name>
    <message>
        <source>Submitted</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Submitted for review as report %1.</source>
        <translation>Enviado a revisión como reporte %1.</translation>
    </message>
    <message>
        <source>Give the reporting party their receipt (in %1): it names the report number and what happens next.</source>
        <translation>Entregue a la persona informante su comprobante (en %1): indica el número de reporte y lo que sigue.</translation>
    </message>
    <message>
        <source>&amp;Print receipt…</source>
        <translation>&amp;Imprimir comprobante…</translation>
    </message>
    <message>
        <source>&amp;Save receipt as PDF…</source>
        <translation>&amp;Guardar comprobante como PDF…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>Save the receipt as PDF</source>
        <translation>Guardar el comprobante como PDF</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Se guardó %1</translation>
    </message>
    <message>
        <source>Print the receipt</source>
        <translation>Imprimir el comprobante</translation>
    </message>
    <message>
        <source>Sent the receipt to %1.</source>
        <translation>Se envió el comprobante a %1.</translation>
    </message>
    <message>
        <source>Sent the receipt to %1 (%2).</source>
        <translation>Se envió el comprobante a %1 (%2).</translation>
    </message>
</context>
<context>
    <name>Returned</name>
    <message>
        <source>Returned</source>
        <translation>Devuelto</translation>
    </message>
    <message>
        <source>Returned by %1 (star %2) on %3: %4</source>
        <translation>Devuelto por %1 (estrella %2) el %3: %4</translation>
    </message>
    <message>
        <source>Reviewer&apos;s comment</source>
        <translation>Comentario del revisor</translation>
    </message>
</context>
<context>
    <name>ReviewQueue</name>
    <message>
        <source>Incidents waiting for review</source>
        <translation>Incidentes en espera de revisión</translation>
    </message>
    <message>
        <source>Waitin&amp;g for you:</source>
        <translation>&amp;Esperan su revisión:</translation>
    </message>
    <message>
        <source>Comment for the supervisor (required to return)</source>
        <translation>Comentario para el supervisor (obligatorio para devolver)</translation>
    </message>
    <message>
        <source>Return comment</source>
        <translation>Comentario de devolución</translation>
    </message>
    <message>
        <source>&amp;Return with comment</source>
        <translation>&amp;Devolver con comentario</translation>
    </message>
    <message>
        <source>Mark referred / re&amp;corded</source>
        <translation>Marcar remitido / re&amp;gistrado</translation>
    </message>
    <message>
        <source>Write a comment for the supervisor before returning.</source>
        <translation>Escriba un comentario para el supervisor antes de devolver.</translation>
    </message>
    <message>
        <source>Select an incident first.</source>
        <translation>Primero seleccione un incidente.</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Reporte</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Submitted by</source>
        <translation>Enviado por</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>Felony</source>
        <translation>Delito grave</translation>
    </message>
    <message>
        <source>Nothing is waiting for review. Records that supervisors submit appear here.</source>
        <translation>Nada espera revisión. Aquí aparecen los registros que envían los supervisores.</translation>
    </message>
    <message>
        <source>Selected record</source>
        <translation>Registro seleccionado</translation>
    </message>
    <message>
        <source>Select a record to read it here.</source>
        <translation>Seleccione un registro para leerlo aquí.</translation>
    </message>
    <message>
        <source>Record:</source>
        <translation>Registro:</translation>
    </message>
    <message>
        <source>C&amp;omment to the supervisor:</source>
        <translation>C&amp;omentario para el supervisor:</translation>
    </message>
    <message>
        <source>&amp;Approve and sign…</source>
        <translation>&amp;Aprobar y firmar…</translation>
    </message>
    <message>
        <source>Refresh &amp;now</source>
        <translation>Ac&amp;tualizar ahora</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 ahora está: %2.</translation>
    </message>
    <message>
        <source>%1: %2 → %3 by %4 (star %5)</source>
        <translation>%1: %2 → %3 por %4 (estrella %5)</translation>
    </message>
    <message>
        <source>Comment: %1</source>
        <translation>Comentario: %1</translation>
    </message>
    <message>
        <source>No status changes yet.</source>
        <translation>Aún no hay cambios de estado.</translation>
    </message>
    <message>
        <source>Review history</source>
        <translation>Historial de revisión</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>(elija)</translation>
    </message>
    <message>
        <source>District %1</source>
        <translation>Distrito %1</translation>
    </message>
    <message>
        <source>no scheduled purge</source>
        <translation>sin borrado programado</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Igual que el sistema</translation>
    </message>
    <message>
        <source>C&amp;hange…</source>
        <translation>Ca&amp;mbiar…</translation>
    </message>
    <message>
        <source>Station &amp;district:</source>
        <translation>&amp;Distrito de la estación:</translation>
    </message>
    <message>
        <source>Station district</source>
        <translation>Distrito de la estación</translation>
    </message>
    <message>
        <source>Footage &amp;retention (days):</source>
        <translation>&amp;Retención de grabaciones (días):</translation>
    </message>
    <message>
        <source>Footage retention in days</source>
        <translation>Retención de grabaciones en días</translation>
    </message>
    <message>
        <source>&amp;POD camera retention (days):</source>
        <translation>Retención de cámaras &amp;POD (días):</translation>
    </message>
    <message>
        <source>POD camera retention in days</source>
        <translation>Retención de cámaras POD en días</translation>
    </message>
    <message>
        <source>Pri&amp;vate camera retention (days):</source>
        <translation>Retención de cámaras pri&amp;vadas (días):</translation>
    </message>
    <message>
        <source>Private or business camera retention in days</source>
        <translation>Retención de cámaras privadas o de negocios en días</translation>
    </message>
    <message>
        <source>RD n&amp;umber pattern:</source>
        <translation>Patrón del &amp;número RD:</translation>
    </message>
    <message>
        <source>RD number pattern</source>
        <translation>Patrón del número RD</translation>
    </message>
    <message>
        <source>O&amp;EMC event number pattern:</source>
        <translation>Patrón del número de &amp;evento OEMC:</translation>
    </message>
    <message>
        <source>OEMC event number pattern</source>
        <translation>Patrón del número de evento OEMC</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Data &amp;folder:</source>
        <translation>&amp;Carpeta de datos:</translation>
    </message>
    <message>
        <source>A new language or data folder is used from the next start of the app.</source>
        <translation>Un nuevo idioma o una nueva carpeta de datos se usan a partir del próximo inicio de la aplicación.</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Carpeta de datos</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to Intake</source>
        <translation>Iniciar sesión en Intake</translation>
    </message>
    <message>
        <source>&amp;Star number</source>
        <translation>Número de &amp;estrella</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Frase de contraseña</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
</context>
<context>
    <name>Summary</name>
    <message>
        <source>   [DEMO DATA]</source>
        <translation>   [DATOS DE DEMOSTRACIÓN]</translation>
    </message>
    <message>
        <source> ({latitude}, {longitude})</source>
        <translation> ({latitude}, {longitude})</translation>
    </message>
    <message>
        <source>(assigned on first save)</source>
        <translation>(se asigna al guardar por primera vez)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vacía)</translation>
    </message>
    <message>
        <source>(name unknown)</source>
        <translation>(nombre desconocido)</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(sin nombre)</translation>
    </message>
    <message>
        <source>(not in catalogue)</source>
        <translation>(no está en el catálogo)</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(sin indicar)</translation>
    </message>
    <message>
        <source>; vehicle {color} {make} {model} plate {plate} {state}</source>
        <translation>; vehículo {make} {model} {color}, placa {plate} {state}</translation>
    </message>
    <message>
        <source>Agents ({count}):</source>
        <translation>Agentes ({count}):</translation>
    </message>
    <message>
        <source>Alleged violations ({count}):</source>
        <translation>Presuntas violaciones ({count}):</translation>
    </message>
    <message>
        <source>CONFIDENTIAL</source>
        <translation>CONFIDENCIAL</translation>
    </message>
    <message>
        <source>District: {district}   Beat: {beat}</source>
        <translation>Distrito: {district}   Sector (beat): {beat}</translation>
    </message>
    <message>
        <source>Footage ({count}):</source>
        <translation>Grabaciones ({count}):</translation>
    </message>
    <message>
        <source>Location: {address}</source>
        <translation>Lugar: {address}</translation>
    </message>
    <message>
        <source>Narrative:</source>
        <translation>Narrativa:</translation>
    </message>
    <message>
        <source>Occurred: {when}</source>
        <translation>Fecha y hora del hecho: {when}</translation>
    </message>
    <message>
        <source>Report number: {number}</source>
        <translation>Número de reporte: {number}</translation>
    </message>
    <message>
        <source>Reporting party: (hidden)</source>
        <translation>Persona informante: (oculta)</translation>
    </message>
    <message>
        <source>Reporting party: {name}, {phone}, {address}, language {language}, {consent} to contact, {sharing}</source>
        <translation>Persona informante: {name}, {phone}, {address}, idioma {language}, {consent} que se le contacte, {sharing}</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>Fuente: {source}</translation>
    </message>
    <message>
        <source>Status history:</source>
        <translation>Historial de estados:</translation>
    </message>
    <message>
        <source>Status: {status}   Version: {version}</source>
        <translation>Estado: {status}   Versión: {version}</translation>
    </message>
    <message>
        <source>Supervisor: {name} (star {star})</source>
        <translation>Supervisor: {name} (estrella {star})</translation>
    </message>
    <message>
        <source>consents</source>
        <translation>consiente</translation>
    </message>
    <message>
        <source>masked</source>
        <translation>rostro cubierto</translation>
    </message>
    <message>
        <source>may be shared</source>
        <translation>se puede compartir</translation>
    </message>
    <message>
        <source>no address</source>
        <translation>sin dirección</translation>
    </message>
    <message>
        <source>no consent</source>
        <translation>no consiente</translation>
    </message>
    <message>
        <source>no description</source>
        <translation>sin descripción</translation>
    </message>
    <message>
        <source>no phone</source>
        <translation>sin teléfono</translation>
    </message>
    <message>
        <source>not identified</source>
        <translation>no identificado</translation>
    </message>
    <message>
        <source>not masked</source>
        <translation>rostro descubierto</translation>
    </message>
    <message>
        <source>{n}. {agency}: {name}, badge {badge}, {how}, {masked}; {description}</source>
        <translation>{n}. {agency}: {name}, placa de identificación {badge}, {how}, {masked}; {description}</translation>
    </message>
    <message>
        <source>{n}. {citation} {title}, {klass}; agents {agents}; {details}</source>
        <translation>{n}. {citation} {title}, {klass}; agentes {agents}; {details}</translation>
    </message>
    <message>
        <source>{n}. {kind} {device} star {star}, {start} to {end}, evidence {evidence}, preservation {preservation}</source>
        <translation>{n}. {kind} {device}, estrella {star}, de {start} a {end}, evidencia {evidence}, preservación {preservation}</translation>
    </message>
    <message>
        <source>{when}: {before} -&gt; {after} by {name} ({star})</source>
        <translation>{when}: {before} -&gt; {after} por {name} ({star})</translation>
    </message>
    <message>
        <source>CPD RD number: {rd}   OEMC event: {oemc}</source>
        <translation>Número RD de CPD: {rd}   Evento de OEMC: {oemc}</translation>
    </message>
    <message>
        <source>Force used: {force}   Anyone injured: {injured}</source>
        <translation>Uso de fuerza: {force}   Alguien lesionado: {injured}</translation>
    </message>
    <message>
        <source>Federal supervisor: credential check not recorded</source>
        <translation>Supervisor federal: verificación de credenciales no registrada</translation>
    </message>
    <message>
        <source>EMS summoned {when}, unit {unit}; aid by CPD {aid}; transported to {hospital}</source>
        <translation>EMS llamado {when}, unidad {unit}; auxilio de CPD {aid}; trasladado a {hospital}</translation>
    </message>
    <message>
        <source>Felony review: ASA {name} ({unit}), reference {reference}</source>
        <translation>Revisión de delitos graves: fiscal adjunto {name} ({unit}), referencia {reference}</translation>
    </message>
    <message>
        <source>Federal supervisor: {check}</source>
        <translation>Supervisor federal: {check}</translation>
    </message>
    <message>
        <source>{n}. {role}, {severity}: {description}</source>
        <translation>{n}. {role}, {severity}: {description}</translation>
    </message>
    <message>
        <source>Footage {n} flagged {when}: {reasons}; hold form {form}</source>
        <translation>Video {n} marcado {when}: {reasons}; formulario de retención {form}</translation>
    </message>
    <message>
        <source>Federal supervisor: {agency}, {name}, badge {badge}; credential check {check} at {when}, on footage {footage}</source>
        <translation>Supervisor federal: {agency}, {name}, placa {badge}; verificación de credenciales {check} a las {when}, en el video {footage}</translation>
    </message>
    <message>
        <source>Touhy request to {agency} ({sent}): {what} - {status}</source>
        <translation>Solicitud Touhy a {agency} ({sent}): {what} - {status}</translation>
    </message>
    <message>
        <source>{date}: {decision}</source>
        <translation>{date}: {decision}</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Sync: not connected to a server (Sync &gt; Enroll this computer)</source>
        <translation>Sincronización: sin conexión a un servidor (Sincronización &gt; Inscribir esta computadora)</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Última sincronización: %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>%1 change(s) to send</source>
        <translation>%1 cambio(s) por enviar</translation>
    </message>
    <message>
        <source>%1 conflict(s) to resolve</source>
        <translation>%1 conflicto(s) por resolver</translation>
    </message>
    <message>
        <source>Server restored from backup: re-sent %1 records</source>
        <translation>Servidor restaurado desde una copia de seguridad: %1 registros reenviados</translation>
    </message>
    <message>
        <source>Problem: %1</source>
        <translation>Problema: %1</translation>
    </message>
    <message>
        <source>ALARM: the server found this computer&apos;s audit trail cut</source>
        <translation>ALARMA: el servidor encontró cortado el registro de auditoría de esta computadora</translation>
    </message>
    <message>
        <source>AUDIT CHAIN NOT EXTENDED: the server found that this computer&apos;s audit trail does not continue the one it reported before: entries were removed or rewritten here. Tell the district commander and the administrator; keep this computer as it is.</source>
        <translation>CADENA DE AUDITORÍA NO CONTINUADA: el servidor encontró que el registro de auditoría de esta computadora no continúa el que informó antes: aquí se borraron o reescribieron entradas. Avise al comandante del distrito y al administrador; deje esta computadora tal como está.</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <source>Audit trail alarm</source>
        <translation>Alarma del registro de auditoría</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sincronizar</translation>
    </message>
    <message>
        <source>Sync did not finish: %1
Every pending change is kept.</source>
        <translation>La sincronización no terminó: %1
Se conservan todos los cambios pendientes.</translation>
    </message>
    <message>
        <source>Sync: %1</source>
        <translation>Sincronización: %1</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflictos</translation>
    </message>
</context>
<context>
    <name>TouhyRequests</name>
    <message>
        <source>Touhy requests</source>
        <translation>Solicitudes Touhy</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Agencia</translation>
    </message>
    <message>
        <source>Evidence requested</source>
        <translation>Pruebas solicitadas</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviada</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Touhy requests sent</source>
        <translation>Solicitudes Touhy enviadas</translation>
    </message>
    <message>
        <source>&amp;Requests sent:</source>
        <translation>&amp;Solicitudes enviadas:</translation>
    </message>
    <message>
        <source>Status of the selected request</source>
        <translation>Estado de la solicitud seleccionada</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Estado:</translation>
    </message>
    <message>
        <source>Set s&amp;tatus</source>
        <translation>Fijar es&amp;tado</translation>
    </message>
    <message>
        <source>for another federal agency, e.g. DOJ</source>
        <translation>para otra agencia federal, p. ej. DOJ</translation>
    </message>
    <message>
        <source>e.g. the agents&apos; body camera video</source>
        <translation>p. ej. el video de las cámaras corporales de los agentes</translation>
    </message>
    <message>
        <source>&amp;Add request</source>
        <translation>&amp;Agregar solicitud</translation>
    </message>
    <message>
        <source>New request</source>
        <translation>Nueva solicitud</translation>
    </message>
    <message>
        <source>A&amp;gency:</source>
        <translation>A&amp;gencia:</translation>
    </message>
    <message>
        <source>Agency &amp;name:</source>
        <translation>&amp;Nombre de la agencia:</translation>
    </message>
    <message>
        <source>Agency name</source>
        <translation>Nombre de la agencia</translation>
    </message>
    <message>
        <source>&amp;Evidence requested:</source>
        <translation>&amp;Pruebas solicitadas:</translation>
    </message>
    <message>
        <source>Sent &amp;on:</source>
        <translation>Fecha de en&amp;vío:</translation>
    </message>
    <message>
        <source>Date sent</source>
        <translation>Fecha de envío</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Not recorded: %1</source>
        <translation>No se registró: %1</translation>
    </message>
    <message>
        <source>Touhy request recorded.</source>
        <translation>Solicitud Touhy registrada.</translation>
    </message>
    <message>
        <source>Status recorded.</source>
        <translation>Estado registrado.</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users of this station</source>
        <translation>Usuarios de esta estación</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Usuarios</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>&amp;Star number</source>
        <translation>Número de &amp;estrella</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>R&amp;ole</source>
        <translation>R&amp;ol</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Frase de contraseña</translation>
    </message>
    <message>
        <source>Repea&amp;t passphrase</source>
        <translation>Repi&amp;ta la frase de contraseña</translation>
    </message>
    <message>
        <source>&amp;Lock after idle (all users of this station)</source>
        <translation>&amp;Bloquear tras inactividad (todos los usuarios de esta estación)</translation>
    </message>
    <message>
        <source>&amp;Add user</source>
        <translation>&amp;Agregar usuario</translation>
    </message>
    <message>
        <source>&amp;Deactivate / reactivate selected</source>
        <translation>&amp;Desactivar / reactivar seleccionado</translation>
    </message>
    <message>
        <source>R&amp;eset passphrase of selected</source>
        <translation>R&amp;establecer la frase del seleccionado</translation>
    </message>
    <message>
        <source>The two passphrases differ: type the same one twice.</source>
        <translation>Las dos frases de contraseña no coinciden: escriba la misma dos veces.</translation>
    </message>
    <message>
        <source>Select the user whose passphrase to reset.</source>
        <translation>Seleccione el usuario cuya frase de contraseña desea restablecer.</translation>
    </message>
    <message>
        <source>Setting the new passphrase…</source>
        <translation>Estableciendo la nueva frase de contraseña…</translation>
    </message>
    <message>
        <source>New passphrase set for %1. Tell them in person; it is in no log.</source>
        <translation>Nueva frase de contraseña establecida para %1. Dígasela en persona; no queda en ningún registro.</translation>
    </message>
    <message>
        <source>(deactivated)</source>
        <translation>(desactivado)</translation>
    </message>
    <message>
        <source>Adding the user…</source>
        <translation>Agregando el usuario…</translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation>Se agregó %1.</translation>
    </message>
    <message>
        <source>The station now locks after %1 minutes without input.</source>
        <translation>La estación ahora se bloquea tras %1 minutos sin actividad.</translation>
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
    <message>
        <source>ATF</source>
        <translation>ATF</translation>
    </message>
    <message>
        <source>CPD member</source>
        <translation>Miembro de CPD</translation>
    </message>
    <message>
        <source>Civilian</source>
        <translation>Civil</translation>
    </message>
    <message>
        <source>Complaint filed</source>
        <translation>Queja presentada</translation>
    </message>
    <message>
        <source>Continuing investigation</source>
        <translation>Investigación en curso</translation>
    </message>
    <message>
        <source>DEA</source>
        <translation>DEA</translation>
    </message>
    <message>
        <source>Death or great bodily harm</source>
        <translation>Muerte o lesiones corporales graves</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>Denegada</translation>
    </message>
    <message>
        <source>Detention or arrest</source>
        <translation>Detención o arresto</translation>
    </message>
    <message>
        <source>Downgraded to misdemeanor</source>
        <translation>Reducido a delito menor</translation>
    </message>
    <message>
        <source>Evidentiary value (supervisor or prosecutor)</source>
        <translation>Valor probatorio (supervisor o fiscal)</translation>
    </message>
    <message>
        <source>Fatal</source>
        <translation>Mortal</translation>
    </message>
    <message>
        <source>Federal Protective Service</source>
        <translation>Servicio Federal de Protección</translation>
    </message>
    <message>
        <source>Federal agent</source>
        <translation>Agente federal</translation>
    </message>
    <message>
        <source>Federalized National Guard</source>
        <translation>Guardia Nacional federalizada</translation>
    </message>
    <message>
        <source>Felony charges approved</source>
        <translation>Cargos por delito grave aprobados</translation>
    </message>
    <message>
        <source>Felony charges declined</source>
        <translation>Cargos por delito grave rechazados</translation>
    </message>
    <message>
        <source>Firearm discharged</source>
        <translation>Arma de fuego disparada</translation>
    </message>
    <message>
        <source>Grand jury</source>
        <translation>Gran jurado</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>Concedida</translation>
    </message>
    <message>
        <source>Great bodily harm</source>
        <translation>Lesiones corporales graves</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>Leve</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>No federal supervisor present</source>
        <translation>Ningún supervisor federal presente</translation>
    </message>
    <message>
        <source>Not attempted</source>
        <translation>No se intentó</translation>
    </message>
    <message>
        <source>Officer under investigation</source>
        <translation>Agente bajo investigación</translation>
    </message>
    <message>
        <source>Other federal agency</source>
        <translation>Otra agencia federal</translation>
    </message>
    <message>
        <source>Partly granted</source>
        <translation>Concedida en parte</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Recording officer&apos;s request</source>
        <translation>Pedido del agente que grabó</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Negada</translation>
    </message>
    <message>
        <source>Serious</source>
        <translation>Grave</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>Use of force</source>
        <translation>Uso de la fuerza</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verificada</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Retirada</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <source>reviewer</source>
        <translation>revisor</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>administrador</translation>
    </message>
</context>
<context>
    <name>Wizard</name>
    <message>
        <source>Agent %1</source>
        <translation>Agente %1</translation>
    </message>
    <message>
        <source>(not identified)</source>
        <translation>(no identificado)</translation>
    </message>
    <message>
        <source>&amp;Masked</source>
        <translation>Rostro &amp;cubierto</translation>
    </message>
    <message>
        <source>Masked</source>
        <translation>Rostro cubierto</translation>
    </message>
    <message>
        <source>e.g. IL</source>
        <translation>p. ej., IL</translation>
    </message>
    <message>
        <source>A&amp;gency:</source>
        <translation>A&amp;gencia:</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Agencia</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>Agent name</source>
        <translation>Nombre del agente</translation>
    </message>
    <message>
        <source>&amp;Badge or ID:</source>
        <translation>&amp;Placa de identificación o ID:</translation>
    </message>
    <message>
        <source>Badge or ID number</source>
        <translation>Número de placa de identificación o ID</translation>
    </message>
    <message>
        <source>&amp;How identified:</source>
        <translation>&amp;Cómo se identificó:</translation>
    </message>
    <message>
        <source>How identified</source>
        <translation>Cómo se identificó</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Descripción:</translation>
    </message>
    <message>
        <source>Physical description</source>
        <translation>Descripción física</translation>
    </message>
    <message>
        <source>Vehicle &amp;plate:</source>
        <translation>Placa del &amp;vehículo:</translation>
    </message>
    <message>
        <source>Vehicle plate</source>
        <translation>Placa del vehículo</translation>
    </message>
    <message>
        <source>Plate &amp;state:</source>
        <translation>&amp;Estado de la placa:</translation>
    </message>
    <message>
        <source>Plate state</source>
        <translation>Estado de la placa</translation>
    </message>
    <message>
        <source>Ma&amp;ke:</source>
        <translation>Mar&amp;ca:</translation>
    </message>
    <message>
        <source>Vehicle make</source>
        <translation>Marca del vehículo</translation>
    </message>
    <message>
        <source>M&amp;odel:</source>
        <translation>M&amp;odelo:</translation>
    </message>
    <message>
        <source>Vehicle model</source>
        <translation>Modelo del vehículo</translation>
    </message>
    <message>
        <source>Co&amp;lor:</source>
        <translation>Co&amp;lor:</translation>
    </message>
    <message>
        <source>Vehicle color</source>
        <translation>Color del vehículo</translation>
    </message>
    <message>
        <source>agent</source>
        <translation>agente</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>Placa</translation>
    </message>
    <message>
        <source>Identified by</source>
        <translation>Identificado por</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>Vehículo</translation>
    </message>
    <message>
        <source>Agents involved</source>
        <translation>Agentes involucrados</translation>
    </message>
    <message>
        <source>Each federal agent involved. An unknown agent needs a description or a vehicle.</source>
        <translation>Cada agente federal involucrado. Un agente desconocido requiere una descripción o un vehículo.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Incident details</source>
        <translation>Datos del incidente</translation>
    </message>
    <message>
        <source>Where and when it happened, and what was seen.</source>
        <translation>Dónde y cuándo ocurrió, y qué se observó.</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>(elija)</translation>
    </message>
    <message>
        <source>District %1</source>
        <translation>Distrito %1</translation>
    </message>
    <message>
        <source>4 digits, e.g. 0912</source>
        <translation>4 dígitos, p. ej., 0912</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>opcional</translation>
    </message>
    <message>
        <source>The user who is signed in and entering the record.</source>
        <translation>El usuario que inició sesión y está ingresando el registro.</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Distrito</translation>
    </message>
    <message>
        <source>Distri&amp;ct:</source>
        <translation>&amp;Distrito:</translation>
    </message>
    <message>
        <source>&amp;Beat:</source>
        <translation>&amp;Sector (beat):</translation>
    </message>
    <message>
        <source>Beat</source>
        <translation>Sector (beat)</translation>
    </message>
    <message>
        <source>&amp;Occurred at:</source>
        <translation>&amp;Fecha y hora del hecho:</translation>
    </message>
    <message>
        <source>Occurred at (date and time)</source>
        <translation>Fecha y hora del hecho</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>&amp;Zona horaria:</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>Di&amp;rección:</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Lat&amp;itude:</source>
        <translation>La&amp;titud:</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Latitud</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Longitud</translation>
    </message>
    <message>
        <source>Lon&amp;gitude:</source>
        <translation>Lon&amp;gitud:</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Fuente:</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Na&amp;rrative:</source>
        <translation>Na&amp;rrativa:</translation>
    </message>
    <message>
        <source>Narrative</source>
        <translation>Narrativa</translation>
    </message>
    <message>
        <source>Supervisor na&amp;me:</source>
        <translation>No&amp;mbre del supervisor:</translation>
    </message>
    <message>
        <source>Supervisor name</source>
        <translation>Nombre del supervisor</translation>
    </message>
    <message>
        <source>Supervisor s&amp;tar:</source>
        <translation>Es&amp;trella del supervisor:</translation>
    </message>
    <message>
        <source>Supervisor star number</source>
        <translation>Número de estrella del supervisor</translation>
    </message>
    <message>
        <source>Footage %1</source>
        <translation>Grabación %1</translation>
    </message>
    <message>
        <source>&amp;Attach file…</source>
        <translation>&amp;Adjuntar archivo…</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <source>Footage kind</source>
        <translation>Tipo de grabación</translation>
    </message>
    <message>
        <source>&amp;Device or camera ID:</source>
        <translation>ID del &amp;dispositivo o cámara:</translation>
    </message>
    <message>
        <source>Device or camera ID</source>
        <translation>ID del dispositivo o cámara</translation>
    </message>
    <message>
        <source>Officer s&amp;tar:</source>
        <translation>Es&amp;trella del oficial:</translation>
    </message>
    <message>
        <source>Officer star number</source>
        <translation>Número de estrella del oficial</translation>
    </message>
    <message>
        <source>&amp;Start:</source>
        <translation>&amp;Inicio:</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Hora de inicio</translation>
    </message>
    <message>
        <source>&amp;End:</source>
        <translation>&amp;Fin:</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>Hora de fin</translation>
    </message>
    <message>
        <source>E&amp;vidence ID:</source>
        <translation>ID de e&amp;videncia:</translation>
    </message>
    <message>
        <source>Evidence-management ID</source>
        <translation>ID del sistema de gestión de evidencias</translation>
    </message>
    <message>
        <source>Local &amp;file:</source>
        <translation>Archivo &amp;local:</translation>
    </message>
    <message>
        <source>Local file path</source>
        <translation>Ruta del archivo local</translation>
    </message>
    <message>
        <source>&amp;Preservation:</source>
        <translation>&amp;Preservación:</translation>
    </message>
    <message>
        <source>Preservation status</source>
        <translation>Estado de preservación</translation>
    </message>
    <message>
        <source>Footage file</source>
        <translation>Archivo de la grabación</translation>
    </message>
    <message>
        <source>footage</source>
        <translation>grabación</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Dispositivo</translation>
    </message>
    <message>
        <source>Officer star</source>
        <translation>Estrella del oficial</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Evidence ID</source>
        <translation>ID de evidencia</translation>
    </message>
    <message>
        <source>Preservation</source>
        <translation>Preservación</translation>
    </message>
    <message>
        <source>Footage references</source>
        <translation>Referencias de grabaciones</translation>
    </message>
    <message>
        <source>Where the video is. The app never copies or moves the video itself.</source>
        <translation>Dónde está el video. La aplicación nunca copia ni mueve el video.</translation>
    </message>
    <message>
        <source>&amp;Add %1…</source>
        <translation>&amp;Agregar %1…</translation>
    </message>
    <message>
        <source>&amp;Edit %1…</source>
        <translation>&amp;Editar %1…</translation>
    </message>
    <message>
        <source>Re&amp;move %1</source>
        <translation>&amp;Quitar %1</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>Polish</source>
        <translation>Polaco</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>Chino</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>Árabe</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Francés</translation>
    </message>
    <message>
        <source>Haitian Creole</source>
        <translation>Criollo haitiano</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>Portugués</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Ruso</translation>
    </message>
    <message>
        <source>Ukrainian</source>
        <translation>Ucraniano</translation>
    </message>
    <message>
        <source>Tagalog</source>
        <translation>Tagalo</translation>
    </message>
    <message>
        <source>Vietnamese</source>
        <translation>Vietnamita</translation>
    </message>
    <message>
        <source>Reporting party</source>
        <translation>Persona informante</translation>
    </message>
    <message>
        <source>Optional. Kept confidential by default: never shown in lists or public data.</source>
        <translation>Opcional. Se mantiene confidencial por defecto: nunca aparece en listas ni en datos públicos.</translation>
    </message>
    <message>
        <source>A &amp;reporting party is recorded</source>
        <translation>Se registra una persona &amp;informante</translation>
    </message>
    <message>
        <source>A reporting party is recorded</source>
        <translation>Se registra una persona informante</translation>
    </message>
    <message>
        <source>&amp;Consents to be contacted</source>
        <translation>&amp;Consiente que se le contacte</translation>
    </message>
    <message>
        <source>Consents to be contacted</source>
        <translation>Consiente que se le contacte</translation>
    </message>
    <message>
        <source>Con&amp;fidential (recommended)</source>
        <translation>Con&amp;fidencial (recomendado)</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>Confidencial</translation>
    </message>
    <message>
        <source>Reporting party name</source>
        <translation>Nombre de la persona informante</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Teléfono:</translation>
    </message>
    <message>
        <source>Reporting party phone</source>
        <translation>Teléfono de la persona informante</translation>
    </message>
    <message>
        <source>Reporting party address</source>
        <translation>Dirección de la persona informante</translation>
    </message>
    <message>
        <source>Preferred &amp;language:</source>
        <translation>&amp;Idioma preferido:</translation>
    </message>
    <message>
        <source>Preferred language</source>
        <translation>Idioma preferido</translation>
    </message>
    <message>
        <source>A confidential reporting party appears only on this record, never in lists or exports.</source>
        <translation>Una persona informante confidencial aparece solo en este registro, nunca en listas ni exportaciones.</translation>
    </message>
    <message>
        <source>Review and sign-off</source>
        <translation>Revisión y firma</translation>
    </message>
    <message>
        <source>Check the record. Save it as a draft at any time; submit it when nothing is missing.</source>
        <translation>Revise el registro. Guárdelo como borrador en cualquier momento; envíelo cuando no falte nada.</translation>
    </message>
    <message>
        <source>Summary of the incident</source>
        <translation>Resumen del incidente</translation>
    </message>
    <message>
        <source>S&amp;ummary:</source>
        <translation>Res&amp;umen:</translation>
    </message>
    <message>
        <source>No problems: the incident can be submitted for review.</source>
        <translation>Sin problemas: el incidente puede enviarse a revisión.</translation>
    </message>
    <message>
        <source>%1 problem(s) must be fixed before submitting (a draft can be saved anyway). Choose one to go to its page:</source>
        <translation>Hay que corregir %1 problema(s) antes de enviar (de todos modos se puede guardar un borrador). Elija uno para ir a su página:</translation>
    </message>
    <message>
        <source>Go to %1: %2</source>
        <translation>Ir a %1: %2</translation>
    </message>
    <message>
        <source>Alleged violation %1</source>
        <translation>Presunta violación %1</translation>
    </message>
    <message>
        <source>Words of the title or citation, e.g. battery</source>
        <translation>Palabras del título o la cita, p. ej., agresión</translation>
    </message>
    <message>
        <source>Sea&amp;rch statutes:</source>
        <translation>Bu&amp;scar disposiciones legales:</translation>
    </message>
    <message>
        <source>Search statutes</source>
        <translation>Buscar disposiciones legales</translation>
    </message>
    <message>
        <source>S&amp;tatute:</source>
        <translation>Disposición &amp;legal:</translation>
    </message>
    <message>
        <source>Statute</source>
        <translation>Disposición legal</translation>
    </message>
    <message>
        <source>&amp;Class:</source>
        <translation>&amp;Clase:</translation>
    </message>
    <message>
        <source>Offence class</source>
        <translation>Clase de delito</translation>
    </message>
    <message>
        <source>&amp;Details:</source>
        <translation>&amp;Detalles:</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>Agent &amp;%1: %2</source>
        <translation>Agente &amp;%1: %2</translation>
    </message>
    <message>
        <source>Concerns agent %1</source>
        <translation>Concierne al agente %1</translation>
    </message>
    <message>
        <source>Concerns:</source>
        <translation>Concierne a:</translation>
    </message>
    <message>
        <source>No agents entered yet (page 3).</source>
        <translation>Aún no se ingresaron agentes (página 3).</translation>
    </message>
    <message>
        <source>violation</source>
        <translation>violación</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Clase</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agentes</translation>
    </message>
    <message>
        <source>Alleged violations</source>
        <translation>Presuntas violaciones</translation>
    </message>
    <message>
        <source>Each alleged offence, from the statute catalogue, and the agents it concerns.</source>
        <translation>Cada presunto delito, del catálogo de disposiciones legales, y los agentes a los que concierne.</translation>
    </message>
    <message>
        <source>%1 (required)</source>
        <translation>%1 (obligatorio)</translation>
    </message>
    <message>
        <source>Fields marked * are required to submit.</source>
        <translation>Los campos marcados con * son obligatorios para enviar.</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(sin indicar)</translation>
    </message>
    <message>
        <source>Which of the two times</source>
        <translation>Cuál de las dos horas</translation>
    </message>
    <message>
        <source>(which one?)</source>
        <translation>(¿cuál?)</translation>
    </message>
    <message>
        <source>%1 (the first, before the clocks went back)</source>
        <translation>%1 (la primera, antes de atrasar los relojes)</translation>
    </message>
    <message>
        <source>%1 (the second, after the clocks went back)</source>
        <translation>%1 (la segunda, después de atrasar los relojes)</translation>
    </message>
    <message>
        <source>{time} did not exist in {zone}: the clocks went forward an hour. Enter the time the clocks showed</source>
        <translation>{time} no existió en {zone}: los relojes se adelantaron una hora. Escriba la hora que marcaban los relojes</translation>
    </message>
    <message>
        <source>{time} happened twice in {zone} (the clocks went back): choose {first} or {second} beside it</source>
        <translation>{time} ocurrió dos veces en {zone} (los relojes se atrasaron): elija {first} o {second} al lado</translation>
    </message>
    <message>
        <source>Only for another federal agency, e.g. DOJ</source>
        <translation>Solo para otra agencia federal, p. ej., DOJ</translation>
    </message>
    <message>
        <source>Agenc&amp;y name:</source>
        <translation>Nombre de la agenc&amp;ia:</translation>
    </message>
    <message>
        <source>Name of the other federal agency</source>
        <translation>Nombre de la otra agencia federal</translation>
    </message>
    <message>
        <source>&amp;Visible ID displayed:</source>
        <translation>Identificación &amp;visible:</translation>
    </message>
    <message>
        <source>Visible ID displayed</source>
        <translation>Identificación visible</translation>
    </message>
    <message>
        <source>Body came&amp;ra worn:</source>
        <translation>Llevaba cáma&amp;ra corporal:</translation>
    </message>
    <message>
        <source>Body camera worn</source>
        <translation>Llevaba cámara corporal</translation>
    </message>
    <message>
        <source>Re&amp;fused to identify:</source>
        <translation>Se negó a identi&amp;ficarse:</translation>
    </message>
    <message>
        <source>Refused to identify</source>
        <translation>Se negó a identificarse</translation>
    </message>
    <message>
        <source>e.g. CPD-65.224</source>
        <translation>p. ej., CPD-65.224</translation>
    </message>
    <message>
        <source>Flagged recordings are kept 2 years from the flag (50 ILCS 706/10-20); unflagged ones only 90 days. Space ticks a reason.</source>
        <translation>Las grabaciones marcadas se conservan 2 años desde la marca (50 ILCS 706/10-20); las no marcadas, solo 90 días. La barra espaciadora marca un motivo.</translation>
    </message>
    <message>
        <source>F&amp;lagged at:</source>
        <translation>Marcado e&amp;l:</translation>
    </message>
    <message>
        <source>Flagged at</source>
        <translation>Marcado el</translation>
    </message>
    <message>
        <source>Flag reaso&amp;ns:</source>
        <translation>Moti&amp;vos de la marca:</translation>
    </message>
    <message>
        <source>Flag reasons</source>
        <translation>Motivos de la marca</translation>
    </message>
    <message>
        <source>&amp;Hold form:</source>
        <translation>Formulario de &amp;retención:</translation>
    </message>
    <message>
        <source>Hold request form</source>
        <translation>Formulario de solicitud de retención</translation>
    </message>
    <message>
        <source>e.g. (e)(1)</source>
        <translation>p. ej., (e)(1)</translation>
    </message>
    <message>
        <source>Su&amp;bsection:</source>
        <translation>In&amp;ciso:</translation>
    </message>
    <message>
        <source>Subsection</source>
        <translation>Inciso</translation>
    </message>
    <message>
        <source>Applies to: %1</source>
        <translation>Aplicación: %1</translation>
    </message>
    <message>
        <source>(not answered)</source>
        <translation>(sin responder)</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <source>Injury</source>
        <translation>Lesión</translation>
    </message>
    <message>
        <source>On scene: CPD numbers, federal supervisor, injuries</source>
        <translation>En el lugar: números de CPD, supervisor federal, lesiones</translation>
    </message>
    <message>
        <source>What the order asks: identify the federal supervisor and record the credential check on body-worn camera; summon EMS and render aid.</source>
        <translation>Lo que pide la orden: identificar al supervisor federal y grabar la verificación de credenciales con la cámara corporal; llamar a EMS y prestar auxilio.</translation>
    </message>
    <message>
        <source>e.g. JK123456</source>
        <translation>p. ej., JK123456</translation>
    </message>
    <message>
        <source>the event number footage is tagged with</source>
        <translation>el número de evento con que se etiqueta el video</translation>
    </message>
    <message>
        <source>CPD &amp;RD number:</source>
        <translation>Número &amp;RD de CPD:</translation>
    </message>
    <message>
        <source>CPD RD number</source>
        <translation>Número RD de CPD</translation>
    </message>
    <message>
        <source>&amp;OEMC event number:</source>
        <translation>Número de evento de &amp;OEMC:</translation>
    </message>
    <message>
        <source>OEMC event number</source>
        <translation>Número de evento de OEMC</translation>
    </message>
    <message>
        <source>Federal supervisor on scene</source>
        <translation>Supervisor federal en el lugar</translation>
    </message>
    <message>
        <source>&amp;Credential check:</source>
        <translation>Verifi&amp;cación de credenciales:</translation>
    </message>
    <message>
        <source>Credential check</source>
        <translation>Verificación de credenciales</translation>
    </message>
    <message>
        <source>Federal supervisor&apos;s agency</source>
        <translation>Agencia del supervisor federal</translation>
    </message>
    <message>
        <source>Agency na&amp;me:</source>
        <translation>&amp;Nombre de la agencia:</translation>
    </message>
    <message>
        <source>Federal supervisor&apos;s name</source>
        <translation>Nombre del supervisor federal</translation>
    </message>
    <message>
        <source>Fu&amp;ll name:</source>
        <translation>Nombre c&amp;ompleto:</translation>
    </message>
    <message>
        <source>Federal supervisor&apos;s badge or ID</source>
        <translation>Placa o identificación del supervisor federal</translation>
    </message>
    <message>
        <source>Badge or ID (as s&amp;hown):</source>
        <translation>Placa o ID (tal como se &amp;mostró):</translation>
    </message>
    <message>
        <source>&amp;Why not attempted:</source>
        <translation>&amp;Por qué no se intentó:</translation>
    </message>
    <message>
        <source>Why not attempted</source>
        <translation>Por qué no se intentó</translation>
    </message>
    <message>
        <source>&amp;Time of the check:</source>
        <translation>&amp;Hora de la verificación:</translation>
    </message>
    <message>
        <source>Time of the credential check</source>
        <translation>Hora de la verificación de credenciales</translation>
    </message>
    <message>
        <source>Recorded on &amp;footage:</source>
        <translation>Grabado en el &amp;video:</translation>
    </message>
    <message>
        <source>Footage showing the credential check</source>
        <translation>Video que muestra la verificación de credenciales</translation>
    </message>
    <message>
        <source>Force, injuries and aid</source>
        <translation>Fuerza, lesiones y auxilio</translation>
    </message>
    <message>
        <source>Force &amp;used:</source>
        <translation>Uso de &amp;fuerza:</translation>
    </message>
    <message>
        <source>Force used</source>
        <translation>Uso de fuerza</translation>
    </message>
    <message>
        <source>Anyone in&amp;jured:</source>
        <translation>Alguien &amp;lesionado:</translation>
    </message>
    <message>
        <source>Anyone injured</source>
        <translation>Alguien lesionado</translation>
    </message>
    <message>
        <source>&amp;Add injured person</source>
        <translation>&amp;Agregar persona lesionada</translation>
    </message>
    <message>
        <source>Remo&amp;ve injured person</source>
        <translation>&amp;Quitar persona lesionada</translation>
    </message>
    <message>
        <source>Injur&amp;ies:</source>
        <translation>Lesi&amp;ones:</translation>
    </message>
    <message>
        <source>Injuries</source>
        <translation>Lesiones</translation>
    </message>
    <message>
        <source>e.g. Mount Sinai Hospital</source>
        <translation>p. ej., Mount Sinai Hospital</translation>
    </message>
    <message>
        <source>EMS &amp;summoned at:</source>
        <translation>EMS llamado a la&amp;s:</translation>
    </message>
    <message>
        <source>EMS summoned at</source>
        <translation>EMS llamado a las</translation>
    </message>
    <message>
        <source>&amp;EMS unit:</source>
        <translation>Unidad de &amp;EMS:</translation>
    </message>
    <message>
        <source>EMS unit</source>
        <translation>Unidad de EMS</translation>
    </message>
    <message>
        <source>Aid rendered b&amp;y CPD:</source>
        <translation>Auxilio prestado por CP&amp;D:</translation>
    </message>
    <message>
        <source>Aid rendered by CPD</source>
        <translation>Auxilio prestado por CPD</translation>
    </message>
    <message>
        <source>Trans&amp;ported to:</source>
        <translation>&amp;Trasladado a:</translation>
    </message>
    <message>
        <source>Transported to hospital</source>
        <translation>Trasladado al hospital</translation>
    </message>
    <message>
        <source>Injured person %1</source>
        <translation>Persona lesionada %1</translation>
    </message>
    <message>
        <source>Severity %1</source>
        <translation>Gravedad %1</translation>
    </message>
    <message>
        <source>(none chosen)</source>
        <translation>(ninguno elegido)</translation>
    </message>
    <message>
        <source>Footage %1: %2 %3</source>
        <translation>Video %1: %2 %3</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Ahora</translation>
    </message>
    <message>
        <source>Set to now</source>
        <translation>Poner la hora actual</translation>
    </message>
</context>
</TS>
