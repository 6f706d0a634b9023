<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ApiResponse</name>
    <message>
        <location filename="../console/client/apiresponse.cpp" line="18"/>
        <source>The platform did not answer within %1 ms: it may be overloaded or hung. The console keeps trying.</source>
        <translation>Die Plattform hat nicht innerhalb von %1 ms geantwortet: sie ist möglicherweise überlastet oder hängt. Die Konsole versucht es weiter.</translation>
    </message>
    <message>
        <location filename="../console/client/apiresponse.cpp" line="22"/>
        <source>Cannot reach the platform (%1). Is it running? Check the URL in Connection settings.</source>
        <translation>Die Plattform ist nicht erreichbar (%1). Läuft sie? Prüfen Sie die URL in den Verbindungseinstellungen.</translation>
    </message>
    <message>
        <location filename="../console/client/apiresponse.cpp" line="26"/>
        <source>The platform answered %1 with something that is not the expected JSON: is this URL a Workflow Automation Platform?</source>
        <translation>Die Plattform hat mit %1 geantwortet, aber nicht mit dem erwarteten JSON: Läuft unter dieser URL eine Workflow Automation Platform?</translation>
    </message>
    <message>
        <location filename="../console/client/apiresponse.cpp" line="32"/>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <location filename="../console/client/apiresponse.cpp" line="33"/>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1: %2</translation>
    </message>
    <message>
        <location filename="../console/client/apiresponse.cpp" line="36"/>
        <source>%1. The operator key is missing or not valid: enter one in Connection settings (deploy/status --json names the local stack&apos;s key file).</source>
        <translation>%1. Der Operator-Schlüssel fehlt oder ist ungültig: Geben Sie einen in den Verbindungseinstellungen ein (deploy/status --json nennt die Schlüsseldatei des lokalen Stacks).</translation>
    </message>
    <message>
        <location filename="../console/client/apiresponse.cpp" line="41"/>
        <source>%1. This key may not do that: use an operator key.</source>
        <translation>%1. Dieser Schlüssel ist dafür nicht berechtigt: Verwenden Sie einen Operator-Schlüssel.</translation>
    </message>
    <message>
        <location filename="../console/client/apiresponse.cpp" line="43"/>
        <source>%1. Rate limited: the console slows down and tries again.</source>
        <translation>%1. Ratenlimit erreicht: Die Konsole fragt langsamer an und versucht es erneut.</translation>
    </message>
    <message>
        <location filename="../console/client/apiresponse.cpp" line="47"/>
        <source>%1. The platform is unavailable right now; the console keeps trying.</source>
        <translation>%1. Die Plattform ist derzeit nicht verfügbar; die Konsole versucht es weiter.</translation>
    </message>
</context>
<context>
    <name>ConsoleStartup</name>
    <message>
        <location filename="../console/ui/consolestartup.cpp" line="58"/>
        <source>The operator console of the Workflow Automation Platform: live throughput, Kafka lag, errors and scaling; workflows and runs. The operator key comes from WF_CONSOLE_TOKEN, the keychain, the local stack&apos;s key file (deploy/status --json names it), or the connection dialog.</source>
        <translation>Die Operator-Konsole der Workflow Automation Platform: Live-Durchsatz, Kafka-Lag, Fehler und Skalierung; Workflows und Läufe. Der Operator-Schlüssel stammt aus WF_CONSOLE_TOKEN, dem Schlüsselbund, der Schlüsseldatei des lokalen Stacks (deploy/status --json nennt sie) oder aus dem Verbindungsdialog.</translation>
    </message>
    <message>
        <location filename="../console/ui/consolestartup.cpp" line="65"/>
        <source>Open the platform at this API URL (or WF_CONSOLE_URL).</source>
        <translation>Die Plattform unter dieser API-URL öffnen (oder WF_CONSOLE_URL).</translation>
    </message>
    <message>
        <location filename="../console/ui/consolestartup.cpp" line="67"/>
        <source>Name of the endpoint opened with --url.</source>
        <translation>Name des mit --url geöffneten Endpunkts.</translation>
    </message>
    <message>
        <location filename="../console/ui/consolestartup.cpp" line="69"/>
        <source>Language: de or en (default: the system&apos;s).</source>
        <translation>Sprache: de oder en (Standard: die des Systems).</translation>
    </message>
    <message>
        <location filename="../console/ui/consolestartup.cpp" line="72"/>
        <source>Save a screenshot of the screen to this PNG file after --screenshot-after seconds, then quit.</source>
        <translation>Nach --screenshot-after Sekunden ein Bildschirmfoto in dieser PNG-Datei speichern und dann beenden.</translation>
    </message>
    <message>
        <location filename="../console/ui/consolestartup.cpp" line="75"/>
        <source>Seconds before the screenshot (8).</source>
        <translation>Sekunden bis zum Bildschirmfoto (8).</translation>
    </message>
</context>
<context>
    <name>CredentialStore</name>
    <message>
        <location filename="../console/client/credentialstore.cpp" line="24"/>
        <source>No keychain is available on this desktop (%1).</source>
        <translation>Auf diesem Desktop ist kein Schlüsselbund verfügbar (%1).</translation>
    </message>
    <message>
        <location filename="../console/client/credentialstore.cpp" line="29"/>
        <source>The keychain refused access: %1</source>
        <translation>Der Schlüsselbund hat den Zugriff verweigert: %1</translation>
    </message>
    <message>
        <location filename="../console/client/credentialstore.cpp" line="34"/>
        <source>The keychain cannot be used: %1</source>
        <translation>Der Schlüsselbund kann nicht verwendet werden: %1</translation>
    </message>
</context>
<context>
    <name>DisplayFormat</name>
    <message>
        <location filename="../console/model/displayformat.cpp" line="27"/>
        <location filename="../console/model/displayformat.cpp" line="29"/>
        <location filename="../console/model/displayformat.cpp" line="31"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../console/model/displayformat.cpp" line="32"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>EndpointList</name>
    <message>
        <location filename="../console/client/endpointlist.cpp" line="64"/>
        <source>&quot;%1&quot; is not an http:// or https:// URL, such as http://127.0.0.1:8000</source>
        <translation>„%1“ ist keine http://- oder https://-URL wie etwa http://127.0.0.1:8000</translation>
    </message>
    <message>
        <location filename="../console/client/endpointlist.cpp" line="71"/>
        <source>The URL must not have a query or fragment: %1</source>
        <translation>Die URL darf keinen Query-String und kein Fragment enthalten: %1</translation>
    </message>
</context>
<context>
    <name>InstanceTableModel</name>
    <message>
        <location filename="../console/model/instancetablemodel.cpp" line="71"/>
        <source>draining</source>
        <translation>wird geleert</translation>
    </message>
    <message>
        <location filename="../console/model/instancetablemodel.cpp" line="95"/>
        <source>Component</source>
        <translation>Komponente</translation>
    </message>
    <message>
        <location filename="../console/model/instancetablemodel.cpp" line="97"/>
        <source>Instance</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <location filename="../console/model/instancetablemodel.cpp" line="99"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../console/model/instancetablemodel.cpp" line="101"/>
        <source>CPU % (10 s)</source>
        <translation>CPU % (10 s)</translation>
    </message>
    <message>
        <location filename="../console/model/instancetablemodel.cpp" line="103"/>
        <source>RSS (MiB)</source>
        <translation>RSS (MiB)</translation>
    </message>
    <message>
        <location filename="../console/model/instancetablemodel.cpp" line="105"/>
        <source>In flight</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <location filename="../console/model/instancetablemodel.cpp" line="107"/>
        <source>Requests/s</source>
        <translation>Anfragen/s</translation>
    </message>
    <message>
        <location filename="../console/model/instancetablemodel.cpp" line="109"/>
        <source>Heartbeat age (s)</source>
        <translation>Heartbeat-Alter (s)</translation>
    </message>
    <message>
        <location filename="../console/model/instancetablemodel.cpp" line="111"/>
        <source>PID</source>
        <translation>PID</translation>
    </message>
</context>
<context>
    <name>PageWidgets</name>
    <message>
        <location filename="../console/ui/pagewidgets.cpp" line="19"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>RunListModel</name>
    <message>
        <location filename="../console/model/runlistmodel.cpp" line="65"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../console/model/runlistmodel.cpp" line="80"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../console/model/runlistmodel.cpp" line="82"/>
        <source>Workflow</source>
        <translation>Workflow</translation>
    </message>
    <message>
        <location filename="../console/model/runlistmodel.cpp" line="84"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../console/model/runlistmodel.cpp" line="86"/>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <location filename="../console/model/runlistmodel.cpp" line="88"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../console/model/runlistmodel.cpp" line="90"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>ScalingController</name>
    <message>
        <location filename="../console/model/scalingcontroller.cpp" line="50"/>
        <source>%1: change accepted; the platform makes it true within seconds.</source>
        <translation>%1: Änderung angenommen; die Plattform setzt sie innerhalb von Sekunden um.</translation>
    </message>
    <message>
        <location filename="../console/model/scalingcontroller.cpp" line="53"/>
        <source>%1: change refused. %2</source>
        <translation>%1: Änderung abgelehnt. %2</translation>
    </message>
</context>
<context>
    <name>StatsPoller</name>
    <message>
        <location filename="../console/model/statspoller.cpp" line="16"/>
        <source>Waiting for the first answer…</source>
        <translation>Warte auf die erste Antwort…</translation>
    </message>
    <message>
        <location filename="../console/model/statspoller.cpp" line="34"/>
        <source>No answer for %1 s.</source>
        <translation>Seit %1 s keine Antwort.</translation>
    </message>
    <message>
        <location filename="../console/model/statspoller.cpp" line="53"/>
        <source>The stats answer cannot be read: %1</source>
        <translation>Die Antwort mit den Statistiken kann nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>WorkflowListModel</name>
    <message>
        <location filename="../console/model/workflowlistmodel.cpp" line="54"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../console/model/workflowlistmodel.cpp" line="56"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../console/model/workflowlistmodel.cpp" line="58"/>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <location filename="../console/model/workflowlistmodel.cpp" line="60"/>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <location filename="../console/model/workflowlistmodel.cpp" line="62"/>
        <source>Workflow id</source>
        <translation>Workflow-ID</translation>
    </message>
</context>
<context>
    <name>wf::console::BulkRunAction</name>
    <message numerus="yes">
        <location filename="../console/model/bulkrunaction.cpp" line="43"/>
        <source>Cancelled %1 of %n run(s); %2 had ended already.</source>
        <translation>
            <numerusform>%1 von %n Lauf abgebrochen; %2 bereits beendet.</numerusform>
            <numerusform>%1 von %n Läufen abgebrochen; %2 bereits beendet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../console/model/bulkrunaction.cpp" line="46"/>
        <source>Retried %1 of %n run(s); %2 left alone (only failed or cancelled runs can be retried).</source>
        <translation>
            <numerusform>%1 von %n Lauf wiederholt; %2 übersprungen (nur fehlgeschlagene oder abgebrochene Läufe können wiederholt werden).</numerusform>
            <numerusform>%1 von %n Läufen wiederholt; %2 übersprungen (nur fehlgeschlagene oder abgebrochene Läufe können wiederholt werden).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../console/model/bulkrunaction.cpp" line="49"/>
        <source>Requeued %1 of %n run(s); %2 were moving again or had ended.</source>
        <translation>
            <numerusform>%1 von %n Lauf erneut eingereiht; %2 übersprungen (bereits wieder in Bearbeitung oder beendet).</numerusform>
            <numerusform>%1 von %n Läufen erneut eingereiht; %2 übersprungen (bereits wieder in Bearbeitung oder beendet).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../console/model/bulkrunaction.cpp" line="54"/>
        <source>%n failed; the first said: %1</source>
        <translation>
            <numerusform>%n fehlgeschlagen: %1</numerusform>
            <numerusform>%n fehlgeschlagen; erste Fehlermeldung: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../console/model/bulkrunaction.cpp" line="56"/>
        <source>%n not sent: stopped before.</source>
        <translation>
            <numerusform>%n nicht gesendet: Vorgang vorher gestoppt.</numerusform>
            <numerusform>%n nicht gesendet: Vorgang vorher gestoppt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wf::console::CapacityPage</name>
    <message>
        <location filename="../console/ui/capacitypage.cpp" line="36"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../console/ui/capacitypage.cpp" line="36"/>
        <source>Component</source>
        <translation>Komponente</translation>
    </message>
    <message>
        <location filename="../console/ui/capacitypage.cpp" line="36"/>
        <source>By</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location filename="../console/ui/capacitypage.cpp" line="36"/>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <location filename="../console/ui/capacitypage.cpp" line="36"/>
        <source>Carried out</source>
        <translation>Ausgeführt</translation>
    </message>
    <message>
        <location filename="../console/ui/capacitypage.cpp" line="36"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../console/ui/capacitypage.cpp" line="86"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../console/ui/capacitypage.cpp" line="86"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
</context>
<context>
    <name>wf::console::ComponentScalingPanel</name>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="25"/>
        <source>Workers</source>
        <translation>Worker</translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="25"/>
        <location filename="../console/ui/componentscalingpanel.cpp" line="146"/>
        <source>API servers</source>
        <translation>API-Server</translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="27"/>
        <source>Change replicas</source>
        <translation>Replikate ändern</translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="32"/>
        <source>Workers and Kafka lag</source>
        <translation>Worker und Kafka-Lag</translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="32"/>
        <source>Servers, CPU and p99 latency</source>
        <translation>Server, CPU und p99-Latenz</translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="33"/>
        <source>desired</source>
        <translation>Soll</translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="34"/>
        <source>actual</source>
        <translation>Ist</translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="36"/>
        <source>Kafka lag</source>
        <translation>Kafka-Lag</translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="37"/>
        <location filename="../console/ui/componentscalingpanel.cpp" line="41"/>
        <source>replicas</source>
        <translation>Replikate</translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="37"/>
        <source>messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="39"/>
        <source>CPU %</source>
        <translation>CPU %</translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="40"/>
        <source>p99 ms</source>
        <translation>p99 ms</translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="41"/>
        <source>CPU % · p99 ms</source>
        <translation>CPU % · p99 ms</translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="43"/>
        <location filename="../console/ui/componentscalingpanel.cpp" line="140"/>
        <source>scaling decisions</source>
        <translation>Skalierungsentscheidungen</translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="59"/>
        <source>Desired replicas</source>
        <translation>Gewünschte Replikate</translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="61"/>
        <source>Set replicas…</source>
        <translation>Replikate setzen…</translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="63"/>
        <source>Desired replicas:</source>
        <translation>Gewünschte Replikate:</translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="67"/>
        <source>Autoscaler</source>
        <translation>Autoscaler</translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="70"/>
        <source>min </source>
        <translation>min. </translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="73"/>
        <source>max </source>
        <translation>max. </translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="74"/>
        <source>Apply bounds…</source>
        <translation>Grenzen übernehmen…</translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="101"/>
        <source>desired %1 · actual %2 · bounds %3–%4 · autoscaler %5 · %6 in flight</source>
        <translation>Soll %1 · Ist %2 · Grenzen %3–%4 · Autoscaler %5 · %6 in Bearbeitung</translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="106"/>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="106"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="109"/>
        <source>converging: %1 → %2</source>
        <translation>wird angeglichen: %1 → %2</translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="146"/>
        <source>workers</source>
        <translation>Worker</translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="147"/>
        <source>Set %1 from %2 to %3 replicas?</source>
        <translation>%1 von %2 auf %3 Replikate setzen?</translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="152"/>
        <source>set in wf-console</source>
        <translation>in wf-console gesetzt</translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="155"/>
        <source>%1: desired replicas set; watch actual follow.</source>
        <translation>%1: Gewünschte Replikate gesetzt; beobachten Sie, wie der Ist-Wert folgt.</translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="157"/>
        <location filename="../console/ui/componentscalingpanel.cpp" line="176"/>
        <source>Change refused: %1</source>
        <translation>Änderung abgelehnt: %1</translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="167"/>
        <source>%1 the autoscaler for %2 with bounds %3–%4?</source>
        <translation>Autoscaler für %2 mit den Grenzen %3–%4 %1?</translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="168"/>
        <source>Turn on</source>
        <translation>einschalten</translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="168"/>
        <source>Turn off</source>
        <translation>ausschalten</translation>
    </message>
    <message>
        <location filename="../console/ui/componentscalingpanel.cpp" line="175"/>
        <source>%1: autoscaler settings applied.</source>
        <translation>%1: Autoscaler-Einstellungen übernommen.</translation>
    </message>
</context>
<context>
    <name>wf::console::ConnectionDialog</name>
    <message>
        <location filename="../console/ui/connectiondialog.cpp" line="20"/>
        <source>Connect to a platform</source>
        <translation>Mit einer Plattform verbinden</translation>
    </message>
    <message>
        <location filename="../console/ui/connectiondialog.cpp" line="25"/>
        <source>New endpoint</source>
        <translation>Neuer Endpunkt</translation>
    </message>
    <message>
        <location filename="../console/ui/connectiondialog.cpp" line="28"/>
        <source>&amp;Known endpoints:</source>
        <translation>&amp;Bekannte Endpunkte:</translation>
    </message>
    <message>
        <location filename="../console/ui/connectiondialog.cpp" line="30"/>
        <source>local</source>
        <translation>lokal</translation>
    </message>
    <message>
        <location filename="../console/ui/connectiondialog.cpp" line="31"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../console/ui/connectiondialog.cpp" line="34"/>
        <source>API &amp;URL:</source>
        <translation>API-&amp;URL:</translation>
    </message>
    <message>
        <location filename="../console/ui/connectiondialog.cpp" line="37"/>
        <source>wf_… operator key</source>
        <translation>Operator-Schlüssel wf_…</translation>
    </message>
    <message>
        <location filename="../console/ui/connectiondialog.cpp" line="38"/>
        <source>Use the &amp;local stack&apos;s key</source>
        <translation>Schlüssel des &amp;lokalen Stacks verwenden</translation>
    </message>
    <message>
        <location filename="../console/ui/connectiondialog.cpp" line="39"/>
        <source>Reads the key file that deploy/up wrote (deploy/status --json names it).</source>
        <translation>Liest die Schlüsseldatei, die deploy/up geschrieben hat (deploy/status --json nennt sie).</translation>
    </message>
    <message>
        <location filename="../console/ui/connectiondialog.cpp" line="44"/>
        <source>Operator &amp;key:</source>
        <translation>&amp;Operator-Schlüssel:</translation>
    </message>
    <message>
        <location filename="../console/ui/connectiondialog.cpp" line="45"/>
        <source>&amp;Keep the key in the keychain</source>
        <translation>Schlüssel im &amp;Schlüsselbund speichern</translation>
    </message>
    <message>
        <location filename="../console/ui/connectiondialog.cpp" line="58"/>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <location filename="../console/ui/connectiondialog.cpp" line="85"/>
        <source>No keychain is available here (%1). The key is kept for this session only; WF_CONSOLE_TOKEN or the local stack&apos;s key file also work.</source>
        <translation>Hier ist kein Schlüsselbund verfügbar (%1). Der Schlüssel wird nur für diese Sitzung aufbewahrt; WF_CONSOLE_TOKEN oder die Schlüsseldatei des lokalen Stacks funktionieren ebenfalls.</translation>
    </message>
    <message>
        <location filename="../console/ui/connectiondialog.cpp" line="124"/>
        <source>Enter an operator key: the console&apos;s views need the admin API. `wf-server keys create --role operator` makes one; the local stack keeps one in its key file.</source>
        <translation>Geben Sie einen Operator-Schlüssel ein: Die Ansichten der Konsole benötigen die Admin-API. `wf-server keys create --role operator` erstellt einen; der lokale Stack hat einen in seiner Schlüsseldatei.</translation>
    </message>
    <message>
        <location filename="../console/ui/connectiondialog.cpp" line="137"/>
        <source>No local stack found: start one with deploy/up, or run the console from the checkout (or set WF_STACK_STATE_DIR).</source>
        <translation>Kein lokaler Stack gefunden: Starten Sie einen mit deploy/up oder starten Sie die Konsole aus dem Checkout (oder setzen Sie WF_STACK_STATE_DIR).</translation>
    </message>
    <message>
        <location filename="../console/ui/connectiondialog.cpp" line="139"/>
        <source>Cannot read %1.</source>
        <translation>%1 kann nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>wf::console::HealthMonitor</name>
    <message>
        <location filename="../console/model/healthmonitor.cpp" line="33"/>
        <source>Dead letters growing</source>
        <translation>Dead Letters nehmen zu</translation>
    </message>
    <message>
        <location filename="../console/model/healthmonitor.cpp" line="34"/>
        <source>%1 dead letters (+%2): messages no worker could handle are piling up in workflow.dlq.</source>
        <translation>%1 Dead Letters (+%2): Nachrichten, die kein Worker verarbeiten konnte, stauen sich in workflow.dlq.</translation>
    </message>
    <message>
        <location filename="../console/model/healthmonitor.cpp" line="41"/>
        <source>Runs failing</source>
        <translation>Läufe schlagen fehl</translation>
    </message>
    <message>
        <location filename="../console/model/healthmonitor.cpp" line="42"/>
        <source>%1 % of the runs that ended in the last 10 s failed (threshold %2 %).</source>
        <translation>%1 % der in den letzten 10 s beendeten Läufe sind fehlgeschlagen (Schwelle %2 %).</translation>
    </message>
    <message>
        <location filename="../console/model/healthmonitor.cpp" line="48"/>
        <source>Server errors</source>
        <translation>Serverfehler</translation>
    </message>
    <message>
        <location filename="../console/model/healthmonitor.cpp" line="49"/>
        <source>%1 % of requests in the last 10 s answered 5xx (threshold %2 %).</source>
        <translation>%1 % der Anfragen in den letzten 10 s wurden mit 5xx beantwortet (Schwelle %2 %).</translation>
    </message>
    <message>
        <location filename="../console/model/healthmonitor.cpp" line="55"/>
        <source>Slow answers</source>
        <translation>Langsame Antworten</translation>
    </message>
    <message>
        <location filename="../console/model/healthmonitor.cpp" line="56"/>
        <source>p99 latency %1 ms is above %2 ms.</source>
        <translation>p99-Latenz %1 ms liegt über %2 ms.</translation>
    </message>
    <message>
        <location filename="../console/model/healthmonitor.cpp" line="66"/>
        <source>Replicas missing</source>
        <translation>Replikate fehlen</translation>
    </message>
    <message>
        <location filename="../console/model/healthmonitor.cpp" line="67"/>
        <source>%1: %2 of %3 desired replicas run, for %4 s now.</source>
        <translation>%1: %2 von %3 gewünschten Replikaten laufen, seit %4 s.</translation>
    </message>
    <message>
        <location filename="../console/model/healthmonitor.cpp" line="77"/>
        <source>Healthy</source>
        <translation>Fehlerfrei</translation>
    </message>
</context>
<context>
    <name>wf::console::JsonEditor</name>
    <message>
        <location filename="../console/ui/jsoneditor.cpp" line="20"/>
        <source>&amp;Format JSON</source>
        <translation>JSON &amp;formatieren</translation>
    </message>
    <message>
        <location filename="../console/ui/jsoneditor.cpp" line="23"/>
        <source>Indent the JSON (Ctrl+Shift+F)</source>
        <translation>JSON einrücken (Strg+Umschalt+F)</translation>
    </message>
    <message>
        <location filename="../console/ui/jsoneditor.cpp" line="81"/>
        <source>empty: enter a JSON value</source>
        <translation>leer: Geben Sie einen JSON-Wert ein</translation>
    </message>
    <message>
        <location filename="../console/ui/jsoneditor.cpp" line="92"/>
        <source>must be a JSON object ({…})</source>
        <translation>muss ein JSON-Objekt sein ({…})</translation>
    </message>
    <message>
        <location filename="../console/ui/jsoneditor.cpp" line="101"/>
        <source>Line %1, column %2: %3</source>
        <translation>Zeile %1, Spalte %2: %3</translation>
    </message>
</context>
<context>
    <name>wf::console::MainWindow</name>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="30"/>
        <source>Workflow Automation Platform — Console</source>
        <translation>Workflow Automation Platform — Konsole</translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="38"/>
        <location filename="../console/ui/mainwindow.cpp" line="253"/>
        <source>Not connected: Platform ▸ Connect… (Ctrl+O)</source>
        <translation>Nicht verbunden: Plattform ▸ Verbinden… (Strg+O)</translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="53"/>
        <source>&amp;Platform</source>
        <translation>&amp;Plattform</translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="54"/>
        <source>&amp;Connect…</source>
        <translation>&amp;Verbinden…</translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="57"/>
        <source>&amp;Refresh</source>
        <translation>Aktualisie&amp;ren</translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="62"/>
        <source>C&amp;lose platform</source>
        <translation>Plattform &amp;schließen</translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="65"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="68"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="69"/>
        <source>&amp;Overview</source>
        <translation>&amp;Übersicht</translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="70"/>
        <source>&amp;Capacity and scaling</source>
        <translation>&amp;Kapazität und Skalierung</translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="71"/>
        <source>&amp;Workflows</source>
        <translation>&amp;Workflows</translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="72"/>
        <source>&amp;Runs</source>
        <translation>&amp;Läufe</translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="73"/>
        <source>&amp;Stuck runs</source>
        <translation>Hän&amp;gende Läufe</translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="83"/>
        <source>&amp;Next platform</source>
        <translation>&amp;Nächste Plattform</translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="87"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="88"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="90"/>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="91"/>
        <source>Ctrl+O connect · F5 refresh · Ctrl+W close platform · Ctrl+Tab next platform
Ctrl+1 overview · Ctrl+2 capacity · Ctrl+3 workflows · Ctrl+4 runs · Ctrl+5 stuck runs
Workflows: Ctrl+N new · Ctrl+S save · Ctrl+T trigger
Runs: Return details · Del cancel · Ctrl+R retry</source>
        <translation>Strg+O verbinden · F5 aktualisieren · Strg+W Plattform schließen · Strg+Tab nächste Plattform
Strg+1 Übersicht · Strg+2 Kapazität · Strg+3 Workflows · Strg+4 Läufe · Strg+5 hängende Läufe
Workflows: Strg+N neu · Strg+S speichern · Strg+T auslösen
Läufe: Eingabe Details · Entf abbrechen · Strg+R wiederholen</translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="96"/>
        <source>&amp;About</source>
        <translation>Ü&amp;ber</translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="97"/>
        <source>About the console</source>
        <translation>Über die Konsole</translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="98"/>
        <source>wf-console %1: the operator console of the Workflow Automation Platform. It talks to the platform&apos;s REST API only.</source>
        <translation>wf-console %1: die Operator-Konsole der Workflow Automation Platform. Sie kommuniziert ausschließlich über die REST-API der Plattform.</translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="103"/>
        <source>Main</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="109"/>
        <source>Show the console</source>
        <translation>Konsole anzeigen</translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="153"/>
        <source>the keychain</source>
        <translation>dem Schlüsselbund</translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="160"/>
        <source>%1 Using the key from %2.</source>
        <translation>%1 Der Schlüssel aus %2 wird verwendet.</translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="193"/>
        <source>Opened %1 with the key from %2.</source>
        <translation>%1 mit dem Schlüssel aus %2 geöffnet.</translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="225"/>
        <source>The key was not stored: %1 It is kept for this session.</source>
        <translation>Der Schlüssel wurde nicht gespeichert: %1 Er bleibt für diese Sitzung erhalten.</translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="230"/>
        <source>the connection dialog</source>
        <translation>dem Verbindungsdialog</translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="269"/>
        <source>healthy</source>
        <translation>fehlerfrei</translation>
    </message>
    <message>
        <location filename="../console/ui/mainwindow.cpp" line="271"/>
        <source>Workflow console</source>
        <translation>Workflow-Konsole</translation>
    </message>
</context>
<context>
    <name>wf::console::OverviewPage</name>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="45"/>
        <source>Requests/s</source>
        <translation>Anfragen/s</translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="46"/>
        <source>Runs finished/s</source>
        <translation>Beendete Läufe/s</translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="47"/>
        <source>HTTP 5xx (10 s)</source>
        <translation>HTTP 5xx (10 s)</translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="48"/>
        <source>Run failures (10 s)</source>
        <translation>Fehlgeschlagene Läufe (10 s)</translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="49"/>
        <source>p99 latency</source>
        <translation>p99-Latenz</translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="50"/>
        <source>Kafka lag</source>
        <translation>Kafka-Lag</translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="51"/>
        <source>Outbox backlog</source>
        <translation>Outbox-Rückstand</translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="52"/>
        <source>Dead letters</source>
        <translation>Dead Letters</translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="53"/>
        <source>Servers</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="54"/>
        <source>Workers</source>
        <translation>Worker</translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="69"/>
        <source>Throughput (per second)</source>
        <translation>Durchsatz (pro Sekunde)</translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="70"/>
        <source>requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="71"/>
        <source>runs triggered</source>
        <translation>ausgelöste Läufe</translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="72"/>
        <source>runs finished</source>
        <translation>beendete Läufe</translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="73"/>
        <source>Error rates (%, last 10 s)</source>
        <translation>Fehlerquoten (%, letzte 10 s)</translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="74"/>
        <source>HTTP 5xx</source>
        <translation>HTTP 5xx</translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="75"/>
        <source>HTTP 4xx</source>
        <translation>HTTP 4xx</translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="76"/>
        <source>run failures</source>
        <translation>fehlgeschlagene Läufe</translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="77"/>
        <source>Latency (ms)</source>
        <translation>Latenz (ms)</translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="78"/>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="79"/>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="80"/>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="81"/>
        <source>Kafka lag (messages)</source>
        <translation>Kafka-Lag (Nachrichten)</translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="82"/>
        <source>total</source>
        <translation>gesamt</translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="122"/>
        <source>%1 triggered/s</source>
        <translation>%1 ausgelöst/s</translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="124"/>
        <location filename="../console/ui/overviewpage.cpp" line="128"/>
        <source>threshold %1 %</source>
        <translation>Schwelle %1 %</translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="125"/>
        <source>none ended</source>
        <translation>kein Lauf beendet</translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="130"/>
        <source>p50 %1 ms; threshold %2 ms</source>
        <translation>p50 %1 ms; Schwelle %2 ms</translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="132"/>
        <source>scale up above %1</source>
        <translation>Hochskalieren über %1</translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="134"/>
        <source>oldest %1 s</source>
        <translation>älteste %1 s</translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="140"/>
        <source>CPU %1 %, %2 in flight</source>
        <translation>CPU %1 %, %2 in Bearbeitung</translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="149"/>
        <source>partition %1</source>
        <translation>Partition %1</translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="174"/>
        <source>Not live: %1</source>
        <translation>Nicht live: %1</translation>
    </message>
    <message>
        <location filename="../console/ui/overviewpage.cpp" line="177"/>
        <source>stale</source>
        <translation>veraltet</translation>
    </message>
</context>
<context>
    <name>wf::console::PlatformView</name>
    <message>
        <location filename="../console/ui/platformview.cpp" line="42"/>
        <source>&amp;Overview</source>
        <translation>&amp;Übersicht</translation>
    </message>
    <message>
        <location filename="../console/ui/platformview.cpp" line="43"/>
        <source>&amp;Capacity</source>
        <translation>&amp;Kapazität</translation>
    </message>
    <message>
        <location filename="../console/ui/platformview.cpp" line="44"/>
        <source>&amp;Workflows</source>
        <translation>&amp;Workflows</translation>
    </message>
    <message>
        <location filename="../console/ui/platformview.cpp" line="45"/>
        <source>&amp;Runs</source>
        <translation>&amp;Läufe</translation>
    </message>
    <message>
        <location filename="../console/ui/platformview.cpp" line="46"/>
        <source>&amp;Stuck runs</source>
        <translation>Hän&amp;gende Läufe</translation>
    </message>
    <message>
        <location filename="../console/ui/platformview.cpp" line="110"/>
        <source>%1: not live — %2</source>
        <translation>%1: nicht live — %2</translation>
    </message>
    <message>
        <location filename="../console/ui/platformview.cpp" line="111"/>
        <source>%1: connected · updated %2</source>
        <translation>%1: verbunden · aktualisiert %2</translation>
    </message>
</context>
<context>
    <name>wf::console::RunDetailDialog</name>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="67"/>
        <source>Run %1</source>
        <translation>Lauf %1</translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="79"/>
        <source>Run:</source>
        <translation>Lauf:</translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="81"/>
        <source>Workflow:</source>
        <translation>Workflow:</translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="83"/>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="85"/>
        <source>Triggered:</source>
        <translation>Ausgelöst:</translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="87"/>
        <source>Ended:</source>
        <translation>Beendet:</translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="89"/>
        <source>Retry of:</source>
        <translation>Wiederholung von:</translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="92"/>
        <source>Trace id:</source>
        <translation>Trace-ID:</translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="95"/>
        <source>Error:</source>
        <translation>Fehler:</translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="102"/>
        <source>&amp;Timeline</source>
        <translation>&amp;Zeitleiste</translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="107"/>
        <source>The output of the step selected above</source>
        <translation>Die Ausgabe des oben ausgewählten Schritts</translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="108"/>
        <source>S&amp;teps</source>
        <translation>&amp;Schritte</translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="115"/>
        <source>&amp;Payload</source>
        <translation>&amp;Payload</translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="120"/>
        <source>&amp;Cancel run…</source>
        <translation>Lauf a&amp;bbrechen…</translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="120"/>
        <source>Cancel this run</source>
        <translation>Diesen Lauf abbrechen</translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="121"/>
        <source>&amp;Retry</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="122"/>
        <source>Start a new run that resumes at the first step that did not succeed</source>
        <translation>Einen neuen Lauf starten, der beim ersten nicht erfolgreichen Schritt fortsetzt</translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="123"/>
        <source>Re&amp;fresh</source>
        <translation>Aktualisie&amp;ren</translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="124"/>
        <source>Ask for the run and its timeline again</source>
        <translation>Lauf und Zeitleiste erneut abfragen</translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="126"/>
        <source>Cancel this run?</source>
        <translation>Diesen Lauf abbrechen?</translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="127"/>
        <source>Cancel run %1? A pending run will not start; a running one stops before its next step.</source>
        <translation>Lauf %1 abbrechen? Ein ausstehender Lauf startet nicht; ein laufender hält vor seinem nächsten Schritt an.</translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="129"/>
        <source>Cancel the run</source>
        <translation>Lauf abbrechen</translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="151"/>
        <source>The timeline could not be loaded: %1</source>
        <translation>Die Zeitleiste konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="185"/>
        <source>The run could not be loaded: %1</source>
        <translation>Der Lauf konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="206"/>
        <source>%1 · version %2</source>
        <translation>%1 · Version %2</translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="211"/>
        <source>not yet</source>
        <translation>noch nicht</translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="212"/>
        <source>%1 (after %2)</source>
        <translation>%1 (nach %2)</translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="253"/>
        <source>Not cancelled: %1</source>
        <translation>Nicht abgebrochen: %1</translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="259"/>
        <source>Run %1 cancelled.</source>
        <translation>Lauf %1 abgebrochen.</translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="280"/>
        <source>Not retried: %1</source>
        <translation>Nicht wiederholt: %1</translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="280"/>
        <source>the platform named no new run</source>
        <translation>die Plattform hat keinen neuen Lauf genannt</translation>
    </message>
    <message>
        <location filename="../console/ui/rundetaildialog.cpp" line="283"/>
        <source>Run %1 retried as run %2.</source>
        <translation>Lauf %1 als Lauf %2 wiederholt.</translation>
    </message>
</context>
<context>
    <name>wf::console::RunTimelineModel</name>
    <message>
        <location filename="../console/model/runtimelinemodel.cpp" line="152"/>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <location filename="../console/model/runtimelinemodel.cpp" line="154"/>
        <source>Instance</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <location filename="../console/model/runtimelinemodel.cpp" line="156"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../console/model/runtimelinemodel.cpp" line="158"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../console/model/runtimelinemodel.cpp" line="160"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../console/model/runtimelinemodel.cpp" line="162"/>
        <source>Attempt</source>
        <translation>Versuch</translation>
    </message>
    <message>
        <location filename="../console/model/runtimelinemodel.cpp" line="164"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../console/model/runtimelinemodel.cpp" line="166"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>wf::console::RunsPage</name>
    <message>
        <location filename="../console/ui/runspage.cpp" line="47"/>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <location filename="../console/ui/runspage.cpp" line="48"/>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <location filename="../console/ui/runspage.cpp" line="49"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location filename="../console/ui/runspage.cpp" line="50"/>
        <source>success</source>
        <translation>erfolgreich</translation>
    </message>
    <message>
        <location filename="../console/ui/runspage.cpp" line="51"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../console/ui/runspage.cpp" line="52"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../console/ui/runspage.cpp" line="53"/>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <location filename="../console/ui/runspage.cpp" line="59"/>
        <source>any workflow (enter a workflow id)</source>
        <translation>beliebiger Workflow (Workflow-ID eingeben)</translation>
    </message>
    <message>
        <location filename="../console/ui/runspage.cpp" line="61"/>
        <source>&amp;Workflow:</source>
        <translation>Work&amp;flow:</translation>
    </message>
    <message>
        <location filename="../console/ui/runspage.cpp" line="88"/>
        <source>&amp;Open</source>
        <translation>&amp;Öffnen</translation>
    </message>
    <message>
        <location filename="../console/ui/runspage.cpp" line="89"/>
        <source>Show the selected run with its timeline</source>
        <translation>Den ausgewählten Lauf mit seiner Zeitleiste anzeigen</translation>
    </message>
    <message>
        <location filename="../console/ui/runspage.cpp" line="94"/>
        <source>&amp;Cancel runs…</source>
        <translation>Läufe a&amp;bbrechen…</translation>
    </message>
    <message>
        <location filename="../console/ui/runspage.cpp" line="94"/>
        <source>Cancel the selected runs</source>
        <translation>Die ausgewählten Läufe abbrechen</translation>
    </message>
    <message>
        <location filename="../console/ui/runspage.cpp" line="95"/>
        <source>Re&amp;try runs…</source>
        <translation>Läufe wie&amp;derholen…</translation>
    </message>
    <message>
        <location filename="../console/ui/runspage.cpp" line="96"/>
        <source>Retry the selected failed or cancelled runs</source>
        <translation>Die ausgewählten fehlgeschlagenen oder abgebrochenen Läufe wiederholen</translation>
    </message>
    <message>
        <location filename="../console/ui/runspage.cpp" line="97"/>
        <source>&amp;Refresh</source>
        <translation>Aktualisie&amp;ren</translation>
    </message>
    <message>
        <location filename="../console/ui/runspage.cpp" line="97"/>
        <source>Load the list again from the top</source>
        <translation>Die Liste erneut von oben laden</translation>
    </message>
    <message>
        <location filename="../console/ui/runspage.cpp" line="127"/>
        <source>The runs could not be loaded: %1</source>
        <translation>Die Läufe konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <location filename="../console/ui/runspage.cpp" line="261"/>
        <source>Select the runs first (Shift or Ctrl with a click or the arrow keys).</source>
        <translation>Wählen Sie zuerst die Läufe aus (Umschalt oder Strg zusammen mit einem Klick oder den Pfeiltasten).</translation>
    </message>
    <message numerus="yes">
        <location filename="../console/ui/runspage.cpp" line="265"/>
        <source>Cancel %n run(s)?</source>
        <translation>
            <numerusform>%n Lauf abbrechen?</numerusform>
            <numerusform>%n Läufe abbrechen?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../console/ui/runspage.cpp" line="265"/>
        <source>Retry %n run(s)?</source>
        <translation>
            <numerusform>%n Lauf wiederholen?</numerusform>
            <numerusform>%n Läufe wiederholen?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../console/ui/runspage.cpp" line="266"/>
        <source>Cancel the %n selected run(s)? Pending runs will not start; running ones stop before their next step. Runs that have ended already stay as they are.</source>
        <translation>
            <numerusform>%n ausgewählten Lauf abbrechen? Ein ausstehender Lauf startet nicht; ein laufender hält vor seinem nächsten Schritt an. Ein bereits beendeter Lauf bleibt unverändert.</numerusform>
            <numerusform>%n ausgewählte Läufe abbrechen? Ausstehende Läufe starten nicht; laufende halten vor ihrem nächsten Schritt an. Bereits beendete Läufe bleiben unverändert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../console/ui/runspage.cpp" line="269"/>
        <source>Start a retry of each of the %n selected run(s)? Each retry resumes at the first step that did not succeed. Only failed and cancelled runs can be retried; the others are left alone and counted.</source>
        <translation>
            <numerusform>%n ausgewählten Lauf wiederholen? Die Wiederholung setzt beim ersten nicht erfolgreichen Schritt fort. Nur fehlgeschlagene und abgebrochene Läufe können wiederholt werden; andere bleiben unverändert und werden mitgezählt.</numerusform>
            <numerusform>Für jeden der %n ausgewählten Läufe eine Wiederholung starten? Jede Wiederholung setzt beim ersten nicht erfolgreichen Schritt fort. Nur fehlgeschlagene und abgebrochene Läufe können wiederholt werden; die übrigen bleiben unverändert und werden mitgezählt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../console/ui/runspage.cpp" line="273"/>
        <source>Cancel %n run(s)</source>
        <translation>
            <numerusform>%n Lauf abbrechen</numerusform>
            <numerusform>%n Läufe abbrechen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../console/ui/runspage.cpp" line="273"/>
        <source>Retry %n run(s)</source>
        <translation>
            <numerusform>%n Lauf wiederholen</numerusform>
            <numerusform>%n Läufe wiederholen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../console/ui/runspage.cpp" line="279"/>
        <source>Cancelling: %1 of %2…</source>
        <translation>Wird abgebrochen: %1 von %2…</translation>
    </message>
    <message>
        <location filename="../console/ui/runspage.cpp" line="280"/>
        <source>Retrying: %1 of %2…</source>
        <translation>Wird wiederholt: %1 von %2…</translation>
    </message>
    <message>
        <location filename="../console/ui/runspage.cpp" line="328"/>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message numerus="yes">
        <location filename="../console/ui/runspage.cpp" line="330"/>
        <source>All %Ln run(s)</source>
        <translation>
            <numerusform>%Ln Lauf (alle geladen)</numerusform>
            <numerusform>Alle %Ln Läufe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../console/ui/runspage.cpp" line="332"/>
        <source>%Ln run(s) loaded; more as you scroll down</source>
        <translation>
            <numerusform>%Ln Lauf geladen; weitere beim Herunterscrollen</numerusform>
            <numerusform>%Ln Läufe geladen; weitere beim Herunterscrollen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wf::console::StepResultModel</name>
    <message>
        <location filename="../console/model/stepresultmodel.cpp" line="105"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../console/model/stepresultmodel.cpp" line="107"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../console/model/stepresultmodel.cpp" line="109"/>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <location filename="../console/model/stepresultmodel.cpp" line="111"/>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <location filename="../console/model/stepresultmodel.cpp" line="113"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../console/model/stepresultmodel.cpp" line="115"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../console/model/stepresultmodel.cpp" line="117"/>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
</context>
<context>
    <name>wf::console::StuckRunModel</name>
    <message>
        <location filename="../console/model/stuckrunmodel.cpp" line="113"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../console/model/stuckrunmodel.cpp" line="115"/>
        <source>Workflow</source>
        <translation>Workflow</translation>
    </message>
    <message>
        <location filename="../console/model/stuckrunmodel.cpp" line="117"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../console/model/stuckrunmodel.cpp" line="119"/>
        <source>Stuck for</source>
        <translation>Hängt seit</translation>
    </message>
    <message>
        <location filename="../console/model/stuckrunmodel.cpp" line="121"/>
        <source>Lease owner</source>
        <translation>Lease-Inhaber</translation>
    </message>
    <message>
        <location filename="../console/model/stuckrunmodel.cpp" line="123"/>
        <source>Executions</source>
        <translation>Ausführungen</translation>
    </message>
    <message>
        <location filename="../console/model/stuckrunmodel.cpp" line="125"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>wf::console::StuckRunsPage</name>
    <message>
        <location filename="../console/ui/stuckrunspage.cpp" line="38"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../console/ui/stuckrunspage.cpp" line="39"/>
        <source>A pending run counts as stuck after this long without a worker taking it</source>
        <translation>Ein ausstehender Lauf gilt als hängend, wenn ihn so lange kein Worker übernommen hat</translation>
    </message>
    <message>
        <location filename="../console/ui/stuckrunspage.cpp" line="40"/>
        <source>Pending &amp;longer than:</source>
        <translation>Aus&amp;stehend länger als:</translation>
    </message>
    <message>
        <location filename="../console/ui/stuckrunspage.cpp" line="61"/>
        <source>Re&amp;queue…</source>
        <translation>&amp;Erneut einreihen…</translation>
    </message>
    <message>
        <location filename="../console/ui/stuckrunspage.cpp" line="62"/>
        <source>Put the selected runs back on the queue for a worker to resume</source>
        <translation>Die ausgewählten Läufe wieder in die Warteschlange stellen, damit ein Worker sie fortsetzt</translation>
    </message>
    <message>
        <location filename="../console/ui/stuckrunspage.cpp" line="63"/>
        <source>&amp;Refresh</source>
        <translation>Aktualisie&amp;ren</translation>
    </message>
    <message>
        <location filename="../console/ui/stuckrunspage.cpp" line="63"/>
        <source>Ask for the stuck runs now</source>
        <translation>Die hängenden Läufe jetzt abfragen</translation>
    </message>
    <message>
        <location filename="../console/ui/stuckrunspage.cpp" line="64"/>
        <source>&amp;Open run</source>
        <translation>Lauf ö&amp;ffnen</translation>
    </message>
    <message>
        <location filename="../console/ui/stuckrunspage.cpp" line="65"/>
        <source>Show the selected run in full</source>
        <translation>Den ausgewählten Lauf vollständig anzeigen</translation>
    </message>
    <message>
        <location filename="../console/ui/stuckrunspage.cpp" line="86"/>
        <source>The stuck runs could not be loaded: %1</source>
        <translation>Die hängenden Läufe konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <location filename="../console/ui/stuckrunspage.cpp" line="92"/>
        <source>Not loaded yet.</source>
        <translation>Noch nicht geladen.</translation>
    </message>
    <message>
        <location filename="../console/ui/stuckrunspage.cpp" line="134"/>
        <source>No stuck runs: every run is moving (as of %1).</source>
        <translation>Keine hängenden Läufe: Alle Läufe kommen voran (Stand %1).</translation>
    </message>
    <message numerus="yes">
        <location filename="../console/ui/stuckrunspage.cpp" line="135"/>
        <source>%n stuck run(s) (as of %1). Requeue puts a run back on the queue; a worker resumes it at its first unfinished step.</source>
        <translation>
            <numerusform>%n hängender Lauf (Stand %1). „Erneut einreihen“ stellt einen Lauf wieder in die Warteschlange; ein Worker setzt ihn bei seinem ersten nicht abgeschlossenen Schritt fort.</numerusform>
            <numerusform>%n hängende Läufe (Stand %1). „Erneut einreihen“ stellt einen Lauf wieder in die Warteschlange; ein Worker setzt ihn bei seinem ersten nicht abgeschlossenen Schritt fort.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../console/ui/stuckrunspage.cpp" line="156"/>
        <source>Select the runs to requeue first.</source>
        <translation>Wählen Sie zuerst die Läufe aus, die erneut eingereiht werden sollen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../console/ui/stuckrunspage.cpp" line="159"/>
        <source>Requeue %n run(s)?</source>
        <translation>
            <numerusform>%n Lauf erneut einreihen?</numerusform>
            <numerusform>%n Läufe erneut einreihen?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../console/ui/stuckrunspage.cpp" line="160"/>
        <source>Put the %n selected run(s) back on the queue? A worker resumes each at its first unfinished step. A run that is running under a live lease, or has ended, is left alone.</source>
        <translation>
            <numerusform>%n ausgewählten Lauf wieder in die Warteschlange stellen? Ein Worker setzt ihn bei seinem ersten nicht abgeschlossenen Schritt fort. Ein Lauf, der unter einer aktiven Lease läuft oder beendet ist, bleibt unverändert.</numerusform>
            <numerusform>%n ausgewählte Läufe wieder in die Warteschlange stellen? Ein Worker setzt jeden bei seinem ersten nicht abgeschlossenen Schritt fort. Ein Lauf, der unter einer aktiven Lease läuft oder beendet ist, bleibt unverändert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../console/ui/stuckrunspage.cpp" line="163"/>
        <source>Requeue %n run(s)</source>
        <translation>
            <numerusform>%n Lauf erneut einreihen</numerusform>
            <numerusform>%n Läufe erneut einreihen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wf::console::TrayNotifier</name>
    <message>
        <location filename="../console/ui/traynotifier.cpp" line="32"/>
        <source>Workflow console: waiting for the first answer</source>
        <translation>Workflow-Konsole: Warte auf die erste Antwort</translation>
    </message>
</context>
<context>
    <name>wf::console::TriggerDialog</name>
    <message>
        <location filename="../console/ui/triggerdialog.cpp" line="30"/>
        <source>Trigger a run</source>
        <translation>Lauf auslösen</translation>
    </message>
    <message>
        <location filename="../console/ui/triggerdialog.cpp" line="32"/>
        <source>Start a run of &lt;b&gt;%1&lt;/b&gt; (%2).</source>
        <translation>Einen Lauf von &lt;b&gt;%1&lt;/b&gt; (%2) starten.</translation>
    </message>
    <message>
        <location filename="../console/ui/triggerdialog.cpp" line="36"/>
        <source>&amp;Payload (a JSON object; empty means {}):</source>
        <translation>&amp;Payload (ein JSON-Objekt; leer bedeutet {}):</translation>
    </message>
    <message>
        <location filename="../console/ui/triggerdialog.cpp" line="57"/>
        <source>optional: sending the same key again answers the same run</source>
        <translation>optional: Wird derselbe Schlüssel erneut gesendet, kommt derselbe Lauf zurück</translation>
    </message>
    <message>
        <location filename="../console/ui/triggerdialog.cpp" line="58"/>
        <source>&amp;New key</source>
        <translation>&amp;Neuer Schlüssel</translation>
    </message>
    <message>
        <location filename="../console/ui/triggerdialog.cpp" line="59"/>
        <source>Fill in a random key, to repeat this trigger safely</source>
        <translation>Einen zufälligen Schlüssel eintragen, damit diese Auslösung gefahrlos wiederholt werden kann</translation>
    </message>
    <message>
        <location filename="../console/ui/triggerdialog.cpp" line="65"/>
        <source>&amp;Idempotency key:</source>
        <translation>&amp;Idempotenzschlüssel:</translation>
    </message>
    <message>
        <location filename="../console/ui/triggerdialog.cpp" line="76"/>
        <source>&amp;Trigger</source>
        <translation>&amp;Auslösen</translation>
    </message>
    <message>
        <location filename="../console/ui/triggerdialog.cpp" line="78"/>
        <source>Send the trigger (Ctrl+Return)</source>
        <translation>Auslösung senden (Strg+Eingabe)</translation>
    </message>
    <message>
        <location filename="../console/ui/triggerdialog.cpp" line="102"/>
        <source>The payload is not valid: %1</source>
        <translation>Die Payload ist ungültig: %1</translation>
    </message>
    <message>
        <location filename="../console/ui/triggerdialog.cpp" line="124"/>
        <source>The platform accepted the trigger but named no run.</source>
        <translation>Die Plattform hat die Auslösung angenommen, aber keinen Lauf genannt.</translation>
    </message>
    <message>
        <location filename="../console/ui/triggerdialog.cpp" line="125"/>
        <source>The run was not started: %1</source>
        <translation>Der Lauf wurde nicht gestartet: %1</translation>
    </message>
</context>
<context>
    <name>wf::console::WorkflowsPage</name>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="62"/>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="62"/>
        <source>Start a new workflow definition</source>
        <translation>Eine neue Workflow-Definition beginnen</translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="63"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="64"/>
        <source>Save the definition: a new workflow, or a new version of this one</source>
        <translation>Die Definition speichern: als neuen Workflow oder als neue Version dieses Workflows</translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="65"/>
        <source>Re&amp;vert</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="65"/>
        <source>Throw away the changes since the last save</source>
        <translation>Die Änderungen seit dem letzten Speichern verwerfen</translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="66"/>
        <source>&amp;Trigger…</source>
        <translation>Auslös&amp;en…</translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="66"/>
        <source>Start a run of this workflow</source>
        <translation>Einen Lauf dieses Workflows starten</translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="67"/>
        <source>Show r&amp;uns</source>
        <translation>Läufe anze&amp;igen</translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="68"/>
        <source>Open the run browser filtered to this workflow</source>
        <translation>Die Laufübersicht gefiltert auf diesen Workflow öffnen</translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="69"/>
        <source>&amp;Refresh</source>
        <translation>Aktualisie&amp;ren</translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="69"/>
        <source>Load the list of workflows again</source>
        <translation>Die Liste der Workflows erneut laden</translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="126"/>
        <source>The list of workflows could not be loaded: %1</source>
        <translation>Die Liste der Workflows konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="192"/>
        <location filename="../console/ui/workflowspage.cpp" line="214"/>
        <source>Discard changes?</source>
        <translation>Änderungen verwerfen?</translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="193"/>
        <source>The definition in the editor has changes that are not saved. Discard them and start a new one?</source>
        <translation>Die Definition im Editor enthält nicht gespeicherte Änderungen. Sollen sie verworfen und eine neue Definition begonnen werden?</translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="194"/>
        <location filename="../console/ui/workflowspage.cpp" line="217"/>
        <source>&amp;Discard changes</source>
        <translation>Änderungen &amp;verwerfen</translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="208"/>
        <source>Workflow %1 could not be opened: %2</source>
        <translation>Workflow %1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="215"/>
        <source>The definition in the editor has changes that are not saved. Discard them and open the other workflow?</source>
        <translation>Die Definition im Editor enthält nicht gespeicherte Änderungen. Sollen sie verworfen und der andere Workflow geöffnet werden?</translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="240"/>
        <location filename="../console/ui/workflowspage.cpp" line="272"/>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="255"/>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="264"/>
        <source>The platform refused the definition: %1</source>
        <translation>Die Plattform hat die Definition abgelehnt: %1</translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="292"/>
        <source>Workflow “%1” created (%2).</source>
        <translation>Workflow „%1“ erstellt (%2).</translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="293"/>
        <source>Workflow “%1” saved as version %2.</source>
        <translation>Workflow „%1“ als Version %2 gespeichert.</translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="300"/>
        <source>Save the workflow before triggering it (Ctrl+S).</source>
        <translation>Speichern Sie den Workflow, bevor Sie ihn auslösen (Strg+S).</translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="304"/>
        <source>The run uses version %1 as saved, not the changes in the editor.</source>
        <translation>Der Lauf verwendet die gespeicherte Version %1, nicht die Änderungen im Editor.</translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="312"/>
        <source>Run %1 triggered.</source>
        <translation>Lauf %1 ausgelöst.</translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="321"/>
        <source>Not valid JSON: %1</source>
        <translation>Kein gültiges JSON: %1</translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="337"/>
        <source> — changed, not saved</source>
        <translation> — geändert, nicht gespeichert</translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="339"/>
        <source>&lt;b&gt;New workflow&lt;/b&gt; — not saved yet</source>
        <translation>&lt;b&gt;Neuer Workflow&lt;/b&gt; — noch nicht gespeichert</translation>
    </message>
    <message>
        <location filename="../console/ui/workflowspage.cpp" line="341"/>
        <source>&lt;b&gt;%1&lt;/b&gt; · version %2 · %3%4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · Version %2 · %3%4</translation>
    </message>
</context>
</TS>
