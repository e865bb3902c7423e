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
</TS>
