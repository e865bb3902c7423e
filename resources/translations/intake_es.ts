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