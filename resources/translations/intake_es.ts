<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intake icon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents alleged violations of state and local law by federal immigration agents, for Chicago Police district stations under the “ICE On Notice” executive order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Python %1 · Qt %2 · PySide6 %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
