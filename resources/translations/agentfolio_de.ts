<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>ApiError</name>
    <message>
        <location filename="../../app/api/apierror.cpp" line="+123"/>
        <source>Request id: %1</source>
        <translation>Anfrage-ID: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The server refused the field &quot;%1&quot;:</source>
        <translation>Der Server hat die Angabe „%1“ abgelehnt:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server refused the request:</source>
        <translation>Der Server hat die Anfrage abgelehnt:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>eToro did not accept the API key and user key (401). Check both keys in the account settings.</source>
        <translation>eToro hat den API-Schlüssel und den Benutzerschlüssel nicht akzeptiert (401). Prüfen Sie beide Schlüssel in den Kontoeinstellungen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This key is not allowed to do that (403). A key that belongs to an agent portfolio cannot manage portfolios; use your account&apos;s own user key.</source>
        <translation>Dieser Schlüssel ist dazu nicht berechtigt (403). Ein Schlüssel, der zu einem Agent-Portfolio gehört, kann keine Portfolios verwalten; verwenden Sie den eigenen Benutzerschlüssel Ihres Kontos.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>eToro does not know this portfolio or token (404); it may have been deleted.</source>
        <translation>eToro kennt dieses Portfolio oder Token nicht (404); möglicherweise wurde es gelöscht.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That name is already taken (409).</source>
        <translation>Dieser Name ist bereits vergeben (409).</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Too many requests: eToro allows 60 per minute. Try again in %n second(s).</source>
        <translation>
            <numerusform>Zu viele Anfragen: eToro erlaubt 60 pro Minute. Versuchen Sie es in %n Sekunde erneut.</numerusform>
            <numerusform>Zu viele Anfragen: eToro erlaubt 60 pro Minute. Versuchen Sie es in %n Sekunden erneut.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Too many requests: eToro allows 60 per minute. Wait a minute and try again.</source>
        <translation>Zu viele Anfragen: eToro erlaubt 60 pro Minute. Warten Sie eine Minute und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This portfolio already has the most tokens eToro allows. Revoke one before adding another.</source>
        <translation>Dieses Portfolio hat bereits so viele Tokens, wie eToro erlaubt. Widerrufen Sie eines, bevor Sie ein weiteres hinzufügen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>eToro&apos;s server had a problem (%1). Try again later.</source>
        <translation>Der Server von eToro hatte ein Problem (%1). Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not reach the server: %1</source>
        <translation>Der Server ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server did not answer in time.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The secure connection failed and nothing was sent: %1</source>
        <translation>Die sichere Verbindung ist fehlgeschlagen, es wurde nichts gesendet: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server answered with a redirect (%1), which Agentfolio never follows. Check the server address.</source>
        <translation>Der Server hat mit einer Weiterleitung (%1) geantwortet, der Agentfolio grundsätzlich nicht folgt. Prüfen Sie die Serveradresse.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server&apos;s answer could not be read: %1</source>
        <translation>Die Antwort des Servers konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refused to send keys over plain http to a host that is not this computer: %1</source>
        <translation>Schlüssel werden nicht über unverschlüsseltes http an einen anderen Rechner als diesen gesendet: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The request was sent, but its outcome is unknown: the token may have been added, and eToro shows its value only once. Nothing was sent again. Refresh the portfolio&apos;s tokens before adding it again.</source>
        <translation>Die Anfrage wurde gesendet, ihr Ergebnis ist aber unbekannt: Das Token wurde möglicherweise hinzugefügt, und eToro zeigt seinen Wert nur einmal an. Es wurde nichts erneut gesendet. Aktualisieren Sie die Tokens des Portfolios, bevor Sie es erneut hinzufügen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The request was sent, but its outcome is unknown: the portfolio may have been created and money may have moved. Nothing was sent again. Check the portfolio list before trying again.</source>
        <translation>Die Anfrage wurde gesendet, ihr Ergebnis ist aber unbekannt: Das Portfolio wurde möglicherweise erstellt, und es wurde möglicherweise Geld bewegt. Es wurde nichts erneut gesendet. Prüfen Sie die Portfolioliste, bevor Sie es erneut versuchen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancelled before anything was sent.</source>
        <translation>Abgebrochen, bevor etwas gesendet wurde.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing was sent: Agentfolio could not first note the create on disk (%1). Without that note, if Agentfolio stopped before eToro answered, the next start would not know that money may have moved. Make sure that file can be written, then try again.</source>
        <translation>Es wurde nichts gesendet: Agentfolio konnte das Anlegen nicht zuerst auf der Festplatte vermerken (%1). Ohne diesen Vermerk wüsste der nächste Start nicht, dass Geld bewegt worden sein kann, falls Agentfolio vor der Antwort von eToro beendet würde. Sorgen Sie dafür, dass diese Datei geschrieben werden kann, und versuchen Sie es dann erneut.</translation>
    </message>
</context>
<context>
    <name>ApiJson</name>
    <message>
        <location filename="../../app/api/apijson.cpp" line="+32"/>
        <source>the answer is larger than %1 MiB</source>
        <translation>die Antwort ist größer als %1 MiB</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the answer is not valid JSON (%1 at byte %2)</source>
        <translation>die Antwort ist kein gültiges JSON (%1 bei Byte %2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the answer is not a JSON object</source>
        <translation>die Antwort ist kein JSON-Objekt</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>%1 has no &quot;%2&quot;</source>
        <translation>%1 enthält kein Feld „%2“</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>a user token</source>
        <translation>ein Benutzer-Token</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>a created user token has no &quot;userToken&quot; (its secret)</source>
        <translation>einem erstellten Benutzer-Token fehlt „userToken“ (sein Geheimnis)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>a portfolio</source>
        <translation>ein Portfolio</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>the answer says a token was created but carries none</source>
        <translation>laut der Antwort wurde ein Token erstellt, sie enthält aber keines</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>the answer has no &quot;agentPortfolios&quot; list</source>
        <translation>die Antwort enthält keine Liste „agentPortfolios“</translation>
    </message>
</context>
<context>
    <name>Money</name>
    <message>
        <location filename="../../app/domain/money.cpp" line="+18"/>
        <source>Enter an amount in US dollars.</source>
        <translation>Geben Sie einen Betrag in US-Dollar ein.</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+54"/>
        <location line="+16"/>
        <location line="+12"/>
        <source>The amount must be above zero.</source>
        <translation>Der Betrag muss größer als null sein.</translation>
    </message>
    <message>
        <location line="-81"/>
        <source>&quot;%1&quot; is not an amount in US dollars; write it like %2.</source>
        <translation>„%1“ ist kein Betrag in US-Dollar; schreiben Sie ihn z. B. als %2.</translation>
    </message>
    <message>
        <location line="+44"/>
        <location line="+35"/>
        <source>Use at most two decimals (whole cents).</source>
        <translation>Verwenden Sie höchstens zwei Nachkommastellen (ganze Cent).</translation>
    </message>
    <message>
        <location line="-30"/>
        <location line="+6"/>
        <location line="+16"/>
        <source>The amount is too large.</source>
        <translation>Der Betrag ist zu groß.</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>The amount must be a finite number.</source>
        <translation>Der Betrag muss eine endliche Zahl sein.</translation>
    </message>
</context>
<context>
    <name>Profile</name>
    <message>
        <location filename="../../app/store/profilestore.cpp" line="+36"/>
        <source>Sandbox</source>
        <translation>Sandbox</translation>
    </message>
</context>
<context>
    <name>Scopes</name>
    <message>
        <location filename="../../app/domain/scopes.cpp" line="+34"/>
        <source>Real account: read</source>
        <translation>Echtgeldkonto: lesen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Demo account: read</source>
        <translation>Demokonto: lesen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Real account: trade</source>
        <translation>Echtgeldkonto: handeln</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Demo account: trade</source>
        <translation>Demokonto: handeln</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown scope %1</source>
        <translation>Unbekannte Berechtigung %1</translation>
    </message>
</context>
<context>
    <name>SecretStoreError</name>
    <message>
        <location filename="../../app/store/secretstore.cpp" line="+20"/>
        <source>Could not save “%1” in the system keychain</source>
        <translation>„%1“ konnte nicht im Schlüsselbund des Systems gespeichert werden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not read “%1” from the system keychain</source>
        <translation>„%1“ konnte nicht aus dem Schlüsselbund des Systems gelesen werden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not delete “%1” from the system keychain</source>
        <translation>„%1“ konnte nicht aus dem Schlüsselbund des Systems gelöscht werden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no keychain service is available on this system (for example GNOME Keyring or KWallet)</source>
        <translation>auf diesem System ist kein Schlüsselbund-Dienst verfügbar (zum Beispiel GNOME Keyring oder KWallet)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>access was denied, or the keychain is locked</source>
        <translation>der Zugriff wurde verweigert, oder der Schlüsselbund ist gesperrt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the keychain has no keyring to keep it in, and creating one was cancelled or could not be asked for. Set up a default keyring (for example in Passwords and Keys), then try again</source>
        <translation>der Schlüsselbund hat keinen Schlüsselring, in dem es liegen könnte, und das Anlegen eines solchen wurde abgebrochen oder konnte nicht erfragt werden. Richten Sie einen Standard-Schlüsselring ein (zum Beispiel in „Passwörter und Verschlüsselung“) und versuchen Sie es dann erneut</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>there is no such entry</source>
        <translation>dieser Eintrag existiert nicht</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the keychain did not answer in time</source>
        <translation>der Schlüsselbund hat nicht rechtzeitig geantwortet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>an unexpected error occurred</source>
        <translation>ein unerwarteter Fehler ist aufgetreten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(Details: %1)</source>
        <translation>(Details: %1)</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <location filename="../../app/domain/validation.cpp" line="+60"/>
        <source>Investment amount</source>
        <translation>Anlagebetrag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Portfolio name</source>
        <translation>Portfolioname</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Token name</source>
        <translation>Token-Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scopes</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>IP allow-list</source>
        <translation>IP-Freigabeliste</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Token expiry</source>
        <translation>Token-Ablauf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location line="+64"/>
        <location line="+9"/>
        <source>Investment amount: %1</source>
        <translation>Anlagebetrag: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Portfolio name is required (%1 to %2 characters).</source>
        <translation>Der Portfolioname ist erforderlich (%1 bis %2 Zeichen).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Portfolio name must be %1 to %2 characters long; it has %3.</source>
        <translation>Der Portfolioname muss %1 bis %2 Zeichen lang sein; er hat %3.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Portfolio name must not contain control characters (such as tabs or line breaks).</source>
        <translation>Der Portfolioname darf keine Steuerzeichen (wie Tabulatoren oder Zeilenumbrüche) enthalten.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Token name is required.</source>
        <translation>Der Token-Name ist erforderlich.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Token name must not contain control characters (such as tabs, line breaks or invisible direction marks).</source>
        <translation>Der Token-Name darf keine Steuerzeichen (wie Tabulatoren, Zeilenumbrüche oder unsichtbare Richtungszeichen) enthalten.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Scopes: %1 is not one of 200, 201, 202 or 203.</source>
        <translation>Berechtigungen: %1 ist keiner der Werte 200, 201, 202 oder 203.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Scopes: choose at least one.</source>
        <translation>Berechtigungen: Wählen Sie mindestens eine aus.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>IP allow-list: &quot;%1&quot; is not an IPv4 address like 192.168.1.1 (no ranges, host names, IPv6 or leading zeros).</source>
        <translation>IP-Freigabeliste: „%1“ ist keine IPv4-Adresse wie 192.168.1.1 (keine Bereiche, Hostnamen, IPv6 oder führenden Nullen).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>IP allow-list: at most %1 addresses; it has %2.</source>
        <translation>IP-Freigabeliste: höchstens %1 Adressen; sie enthält %2.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Token expiry is not a valid date and time.</source>
        <translation>Der Token-Ablauf ist kein gültiges Datum mit Uhrzeit.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Token expiry must be in the future.</source>
        <translation>Der Token-Ablauf muss in der Zukunft liegen.</translation>
    </message>
</context>
<context>
    <name>agentfolio::AboutDialog</name>
    <message>
        <location filename="../../ui/aboutdialog.cpp" line="+62"/>
        <source>About Agentfolio</source>
        <translation>Über Agentfolio</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Agentfolio icon</source>
        <translation>Agentfolio-Symbol</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agentfolio</source>
        <translation>Agentfolio</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Creates eToro agent portfolios and keeps their API tokens in your system keychain.</source>
        <translation>Erstellt eToro-Agent-Portfolios und bewahrt ihre API-Tokens im Schlüsselbund Ihres Systems auf.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Free software, licensed under the </source>
        <translation>Freie Software, lizenziert unter der </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GNU General Public License, version 3 or later (GPL-3.0-or-later)</source>
        <translation>GNU General Public License, Version 3 oder neuer (GPL-3.0-or-later)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Source code and issues: </source>
        <translation>Quellcode und Fehlermeldungen: </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Built with Qt %1, running on Qt %2.</source>
        <translation>Erstellt mit Qt %1, läuft mit Qt %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Agentfolio is an independent project. It is not affiliated with, endorsed by or supported by eToro. &quot;eToro&quot; is a trademark of its owner.</source>
        <translation>Agentfolio ist ein unabhängiges Projekt. Es steht in keiner Verbindung zu eToro und wird von eToro weder empfohlen noch unterstützt. „eToro“ ist eine Marke ihres Inhabers.</translation>
    </message>
</context>
<context>
    <name>agentfolio::AccountDialog</name>
    <message>
        <location filename="../../ui/accountdialog.cpp" line="+69"/>
        <source>Add eToro account</source>
        <translation>eToro-Konto hinzufügen</translation>
    </message>
    <message>
        <location line="+42"/>
        <location line="+6"/>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Show %1</source>
        <translation>%1 anzeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show or hide the %1 as you type it.</source>
        <translation>Den %1 bei der Eingabe anzeigen oder verbergen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste %1</source>
        <translation>%1 einfügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste the %1 from the clipboard, without surrounding spaces or line breaks.</source>
        <translation>Den %1 aus der Zwischenablage einfügen, ohne umgebende Leerzeichen oder Zeilenumbrüche.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Enter the API key and the user key you created on eToro (Settings, Trading, API Key Management). Agentfolio keeps them in your system keychain only.</source>
        <translation>Geben Sie den API-Schlüssel und den Benutzerschlüssel ein, die Sie bei eToro erstellt haben (Einstellungen, Trading, API-Schlüsselverwaltung). Agentfolio bewahrt sie ausschließlich im Schlüsselbund Ihres Systems auf.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>e.g. My eToro account</source>
        <translation>z. B. Mein eToro-Konto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account name</source>
        <translation>Kontoname</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>A name for this account in Agentfolio, up to %n character(s). Only you see it.</source>
        <translation>
            <numerusform>Ein Name für dieses Konto in Agentfolio, bis zu %n Zeichen. Nur Sie sehen ihn.</numerusform>
            <numerusform>Ein Name für dieses Konto in Agentfolio, bis zu %n Zeichen. Nur Sie sehen ihn.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The API key eToro showed you once when you created it. It is sent as the x-api-key header and stored in the system keychain.</source>
        <translation>Der API-Schlüssel, den eToro Ihnen beim Erstellen einmalig angezeigt hat. Er wird als Header x-api-key gesendet und im Schlüsselbund des Systems gespeichert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+207"/>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <location line="-203"/>
        <source>&amp;API key:</source>
        <translation>&amp;API-Schlüssel:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your account&apos;s user key from eToro (not an agent portfolio&apos;s). It is sent as the x-user-key header and stored in the system keychain.</source>
        <translation>Der Benutzerschlüssel Ihres Kontos bei eToro (nicht der eines Agent-Portfolios). Er wird als Header x-user-key gesendet und im Schlüsselbund des Systems gespeichert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>User key</source>
        <translation>Benutzerschlüssel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;User key:</source>
        <translation>&amp;Benutzerschlüssel:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Advanced settings</source>
        <translation>Erweiterte Einstellungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show or hide the server address.</source>
        <translation>Die Serveradresse anzeigen oder verbergen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the eToro Public API answers; normally %1. Plain http is allowed only to this computer (127.0.0.1).</source>
        <translation>Wo die eToro Public API antwortet; normalerweise %1. Unverschlüsseltes http ist nur zu diesem Computer (127.0.0.1) erlaubt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ser&amp;ver address:</source>
        <translation>Ser&amp;veradresse:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List this account&apos;s agent portfolios with these keys, to check that eToro accepts them. Nothing is saved or changed.</source>
        <translation>Die Agent-Portfolios dieses Kontos mit diesen Schlüsseln abrufen, um zu prüfen, ob eToro sie akzeptiert. Es wird nichts gespeichert oder geändert.</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Save account</source>
        <translation>Konto speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the account and store its keys in the system keychain. It is enabled once the name and both keys are filled in correctly.</source>
        <translation>Das Konto hinzufügen und seine Schlüssel im Schlüsselbund des Systems speichern. Verfügbar, sobald der Name und beide Schlüssel korrekt ausgefüllt sind.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close without saving; the typed keys are forgotten.</source>
        <translation>Ohne Speichern schließen; die eingegebenen Schlüssel werden verworfen.</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Enter the %1.</source>
        <translation>Geben Sie den %1 ein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The %1 contains spaces or line breaks, which a key never does. Copy it again from eToro, or use Paste.</source>
        <translation>Der %1 enthält Leerzeichen oder Zeilenumbrüche, die in einem Schlüssel nie vorkommen. Kopieren Sie ihn erneut aus eToro, oder verwenden Sie „Einfügen“.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>There is already an account named “%1”; choose another name.</source>
        <translation>Es gibt bereits ein Konto namens „%1“; wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>user key</source>
        <translation>Benutzerschlüssel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the server address, such as %1.</source>
        <translation>Geben Sie die Serveradresse ein, z. B. %1.</translation>
    </message>
    <message>
        <location line="+127"/>
        <source>A&amp;dvanced (server: %1)</source>
        <translation>&amp;Erweitert (Server: %1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A&amp;dvanced</source>
        <translation>&amp;Erweitert</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Testing the connection…</source>
        <translation>Verbindung wird getestet…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Connected: 1 agent portfolio found.</source>
        <translation>Verbunden: 1 Agent-Portfolio gefunden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connected: %1 agent portfolios found.</source>
        <translation>Verbunden: %1 Agent-Portfolios gefunden.</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Saving the keys in the system keychain…</source>
        <translation>Die Schlüssel werden im Schlüsselbund des Systems gespeichert…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The account was not saved: %1</source>
        <translation>Das Konto wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The account was not saved. %1 Your entries are still here: fix the problem and press Save again.</source>
        <translation>Das Konto wurde nicht gespeichert. %1 Ihre Eingaben sind noch vorhanden: Beheben Sie das Problem und klicken Sie erneut auf „Konto speichern“.</translation>
    </message>
</context>
<context>
    <name>agentfolio::AddTokenDialog</name>
    <message>
        <location filename="../../ui/addtokendialog.cpp" line="+66"/>
        <source>Add a token to %1</source>
        <translation>Token zu %1 hinzufügen</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>A new user token for the agent portfolio “%1”. eToro shows its secret once, right after it is created.</source>
        <translation>Ein neues Benutzer-Token für das Agent-Portfolio „%1“. eToro zeigt sein Geheimnis nur einmal an, direkt nach dem Erstellen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>e.g. my-trading-token</source>
        <translation>z. B. mein-trading-token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token name</source>
        <translation>Token-Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A name for the token, unique within this portfolio, so that you can tell its tokens apart.</source>
        <translation>Ein innerhalb dieses Portfolios eindeutiger Name für das Token, damit Sie seine Tokens unterscheiden können.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Token name:</source>
        <translation>&amp;Token-Name:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Lets the token read your real account.</source>
        <translation>Erlaubt dem Token, Ihr Echtgeldkonto zu lesen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lets the token read your demo account.</source>
        <translation>Erlaubt dem Token, Ihr Demokonto zu lesen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lets the token trade with real money.</source>
        <translation>Erlaubt dem Token, mit echtem Geld zu handeln.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lets the token trade on your demo account.</source>
        <translation>Erlaubt dem Token, auf Ihrem Demokonto zu handeln.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scope %1, %2. %3</source>
        <translation>Berechtigung %1, %2. %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Scopes:</source>
        <translation>&amp;Berechtigungen:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;IP allow-list:</source>
        <translation>&amp;IP-Freigabeliste:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Never &amp;expires</source>
        <translation>Läuft ni&amp;e ab</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Token never expires</source>
        <translation>Token läuft nie ab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave checked for a token that works until you revoke it. Uncheck to choose when it stops working.</source>
        <translation>Aktiviert lassen für ein Token, das gültig bleibt, bis Sie es widerrufen. Deaktivieren, um zu wählen, wann es ungültig wird.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Token expiry date and time, local time</source>
        <translation>Ablaufdatum und -uhrzeit des Tokens, Ortszeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When the token stops working, in your local time (%1). It is sent to eToro in UTC, shown below it.</source>
        <translation>Wann das Token ungültig wird, in Ihrer Ortszeit (%1). Es wird in UTC an eToro gesendet, wie darunter angezeigt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Local ti&amp;me:</source>
        <translation>Orts&amp;zeit:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Token e&amp;xpiry:</source>
        <translation>Token-Ab&amp;lauf:</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>&amp;Add token</source>
        <translation>Token &amp;hinzufügen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add token</source>
        <translation>Token hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask eToro for the token with these settings. It is enabled once every field is valid.</source>
        <translation>Das Token mit diesen Einstellungen bei eToro anfordern. Verfügbar, sobald alle Felder gültig sind.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close without adding a token.</source>
        <translation>Schließen, ohne ein Token hinzuzufügen.</translation>
    </message>
    <message>
        <location line="+288"/>
        <source>= %1 UTC</source>
        <translation>= %1 UTC</translation>
    </message>
</context>
<context>
    <name>agentfolio::ApiClient</name>
    <message>
        <location filename="../../app/api/apiclient.cpp" line="+118"/>
        <source>That is not a valid server address: it should look like %1.</source>
        <translation>Das ist keine gültige Serveradresse: Sie sollte wie %1 aussehen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; is not a valid server address.</source>
        <translation>„%1“ ist keine gültige Serveradresse.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server address must not contain a user name, query or fragment.</source>
        <translation>Die Serveradresse darf keinen Benutzernamen, keine Abfrage und kein Fragment enthalten.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Plain http is only allowed to this computer (127.0.0.1, ::1 or localhost); use https for %1.</source>
        <translation>Unverschlüsseltes http ist nur zu diesem Computer (127.0.0.1, ::1 oder localhost) erlaubt; verwenden Sie https für %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server address must start with https://.</source>
        <translation>Die Serveradresse muss mit https:// beginnen.</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>No API key and user key are set for this account.</source>
        <translation>Für dieses Konto sind kein API-Schlüssel und kein Benutzerschlüssel hinterlegt.</translation>
    </message>
    <message>
        <location line="+125"/>
        <source>the connection dropped and the request was sent again</source>
        <translation>die Verbindung brach ab, und die Anfrage wurde erneut gesendet</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the answer is larger than %1 MiB</source>
        <translation>die Antwort ist größer als %1 MiB</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>no answer within %n second(s)</source>
        <translation>
            <numerusform>keine Antwort innerhalb von %n Sekunde</numerusform>
            <numerusform>keine Antwort innerhalb von %n Sekunden</numerusform>
        </translation>
    </message>
    <message>
        <location line="+37"/>
        <source>the connection closed before an answer came, and the request was not sent a second time</source>
        <translation>die Verbindung wurde vor einer Antwort geschlossen, und die Anfrage wurde kein zweites Mal gesendet</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>the answer was cut short</source>
        <translation>die Antwort wurde abgeschnitten</translation>
    </message>
</context>
<context>
    <name>agentfolio::AppSettings</name>
    <message>
        <location filename="../../app/session/appsettings.cpp" line="+204"/>
        <source>%1 is not a settings file Agentfolio can read</source>
        <translation>%1 ist keine Einstellungsdatei, die Agentfolio lesen kann</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 cannot be written</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>agentfolio::CreateFlow</name>
    <message>
        <location filename="../../app/session/createflow.cpp" line="+140"/>
        <source>at %1</source>
        <comment>a date and time</comment>
        <translation>am %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>at an unknown time</source>
        <translation>zu unbekannter Zeit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>eToro accepted the create of %1, sent %2, with HTTP %3, but its answer could not be read, and Agentfolio stopped before the portfolio was found</source>
        <translation>eToro hat das Erstellen von %1, gesendet %2, mit HTTP %3 angenommen, aber die Antwort war nicht lesbar, und Agentfolio wurde beendet, bevor das Portfolio gefunden wurde</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Agentfolio stopped before eToro answered the create of %1, sent %2</source>
        <translation>Agentfolio wurde beendet, bevor eToro auf das Erstellen von %1 antwortete, gesendet %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 was not sent. %2</source>
        <comment>the name of the create just asked for, then why</comment>
        <translation>%1 wurde nicht gesendet. %2</translation>
    </message>
    <message>
        <location line="+149"/>
        <source>eToro did accept it, but Agentfolio could not note that on disk (%1): do not send it again, even if a check after a restart finds nothing</source>
        <translation>eToro hat es angenommen, aber Agentfolio konnte das nicht auf der Festplatte vermerken (%1): Senden Sie es nicht erneut, auch wenn eine Prüfung nach einem Neustart nichts findet</translation>
    </message>
</context>
<context>
    <name>agentfolio::CreatePortfolioPage</name>
    <message>
        <location filename="../../ui/createportfoliopage.cpp" line="+127"/>
        <source>Create an agent portfolio</source>
        <translation>Agent-Portfolio erstellen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>eToro creates the portfolio together with its first user token. The investment copies the portfolio&apos;s trades with real money.</source>
        <translation>eToro erstellt das Portfolio zusammen mit seinem ersten Benutzer-Token. Der Anlagebetrag kopiert die Trades des Portfolios mit echtem Geld.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Investment amount in US dollars</source>
        <translation>Anlagebetrag in US-Dollar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many US dollars to invest, with at most two decimals. The amount is deducted from your real eToro account balance and copies the portfolio&apos;s trades in proportion.</source>
        <translation>Wie viele US-Dollar Sie investieren möchten, mit höchstens zwei Nachkommastellen. Der Betrag wird vom Guthaben Ihres echten eToro-Kontos abgezogen und kopiert die Trades des Portfolios anteilig.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>USD</source>
        <translation>USD</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+503"/>
        <source>Deducted from your real eToro account balance.</source>
        <translation>Wird vom Guthaben Ihres echten eToro-Kontos abgezogen.</translation>
    </message>
    <message>
        <location line="-496"/>
        <source>Investment &amp;amount:</source>
        <translation>&amp;Anlagebetrag:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>e.g. MyPort1</source>
        <translation>z. B. MyPort1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Portfolio name</source>
        <translation>Portfolioname</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A unique name for the portfolio on eToro: %1 to %2 characters.</source>
        <translation>Ein bei eToro eindeutiger Name für das Portfolio: %1 bis %2 Zeichen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Characters used, of at most %1 (at least %2).</source>
        <translation>Verwendete Zeichen, von höchstens %1 (mindestens %2).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>P&amp;ortfolio name:</source>
        <translation>Portfolio-Na&amp;me:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>e.g. my-trading-token</source>
        <translation>z. B. mein-trading-token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token name</source>
        <translation>Token-Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A name for the portfolio&apos;s first user token, so that you can tell its tokens apart.</source>
        <translation>Ein Name für das erste Benutzer-Token des Portfolios, damit Sie seine Tokens unterscheiden können.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Token name:</source>
        <translation>&amp;Token-Name:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Lets the token read your real account.</source>
        <translation>Erlaubt dem Token, Ihr Echtgeldkonto zu lesen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lets the token read your demo account.</source>
        <translation>Erlaubt dem Token, Ihr Demokonto zu lesen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lets the token trade with real money.</source>
        <translation>Erlaubt dem Token, mit echtem Geld zu handeln.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lets the token trade on your demo account.</source>
        <translation>Erlaubt dem Token, auf Ihrem Demokonto zu handeln.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scope %1, %2. %3</source>
        <translation>Berechtigung %1, %2. %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Scopes:</source>
        <translation>&amp;Berechtigungen:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;IP allow-list:</source>
        <translation>&amp;IP-Freigabeliste:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Never &amp;expires</source>
        <translation>Läuft ni&amp;e ab</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Token never expires</source>
        <translation>Token läuft nie ab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave checked for a token that works until you revoke it. Uncheck to choose when it stops working.</source>
        <translation>Aktiviert lassen für ein Token, das gültig bleibt, bis Sie es widerrufen. Deaktivieren, um zu wählen, wann es ungültig wird.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Token expiry date and time, local time</source>
        <translation>Ablaufdatum und -uhrzeit des Tokens, Ortszeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When the token stops working, in your local time (%1). It is sent to eToro in UTC, shown beside it.</source>
        <translation>Wann das Token ungültig wird, in Ihrer Ortszeit (%1). Es wird in UTC an eToro gesendet, wie daneben angezeigt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Local ti&amp;me:</source>
        <translation>Orts&amp;zeit:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Token e&amp;xpiry:</source>
        <translation>Token-Ab&amp;lauf:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Optional: what the portfolio is for</source>
        <translation>Optional: wofür das Portfolio gedacht ist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional. A description of the portfolio&apos;s purpose or strategy.</source>
        <translation>Optional. Eine Beschreibung des Zwecks oder der Strategie des Portfolios.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Description:</source>
        <translation>Beschreib&amp;ung:</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>&amp;Create portfolio</source>
        <translation>Portfolio e&amp;rstellen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create portfolio</source>
        <translation>Portfolio erstellen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create the portfolio on eToro with these settings. It is enabled once every field is valid.</source>
        <translation>Das Portfolio mit diesen Einstellungen bei eToro erstellen. Verfügbar, sobald alle Felder gültig sind.</translation>
    </message>
    <message>
        <location line="+277"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 of %2 characters</source>
        <translation>%1 von %2 Zeichen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>= %1 UTC</source>
        <translation>= %1 UTC</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Sandbox: taken from a simulated balance; no real money moves.</source>
        <translation>Sandbox: wird von einem simulierten Guthaben abgezogen; es wird kein echtes Geld bewegt.</translation>
    </message>
</context>
<context>
    <name>agentfolio::DeletePortfolioDialog</name>
    <message>
        <location filename="../../ui/deleteportfoliodialog.cpp" line="+18"/>
        <source>Delete %1 on eToro</source>
        <translation>%1 bei eToro löschen</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Deleting the agent portfolio “%1” on eToro stops its copy mirror and revokes every one of its tokens (%n token(s)): agents using them lose access at once. Their secrets are then removed from this computer. This cannot be undone.</source>
        <translation>
            <numerusform>Das Löschen des Agent-Portfolios „%1“ bei eToro beendet sein Kopieren (Mirror) und widerruft alle seine Tokens (%n Token): Agents, die sie verwenden, verlieren sofort den Zugriff. Ihre Geheimnisse werden danach von diesem Computer entfernt. Dies kann nicht rückgängig gemacht werden.</numerusform>
            <numerusform>Das Löschen des Agent-Portfolios „%1“ bei eToro beendet sein Kopieren (Mirror) und widerruft alle seine Tokens (%n Tokens): Agents, die sie verwenden, verlieren sofort den Zugriff. Ihre Geheimnisse werden danach von diesem Computer entfernt. Dies kann nicht rückgängig gemacht werden.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Type the portfolio&apos;s name to confirm</source>
        <translation>Geben Sie zur Bestätigung den Namen des Portfolios ein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To confirm, type the portfolio&apos;s name, “%1”:</source>
        <translation>Geben Sie zur Bestätigung den Namen des Portfolios ein, „%1“:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Delete on eToro</source>
        <translation>Bei eToro &amp;löschen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the portfolio on eToro</source>
        <translation>Das Portfolio bei eToro löschen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>agentfolio::EditTokenDialog</name>
    <message>
        <location filename="../../ui/edittokendialog.cpp" line="+51"/>
        <source>Edit token %1</source>
        <translation>Token %1 bearbeiten</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Changes to the token “%1” of the agent portfolio “%2”. They apply on eToro as soon as you save; its secret stays the same.</source>
        <translation>Änderungen am Token „%1“ des Agent-Portfolios „%2“. Sie gelten bei eToro, sobald Sie speichern; sein Geheimnis bleibt unverändert.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scope %1, %2.</source>
        <translation>Berechtigung %1, %2.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Scopes:</source>
        <translation>&amp;Berechtigungen:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;IP allow-list:</source>
        <translation>&amp;IP-Freigabeliste:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Never &amp;expires</source>
        <translation>Läuft ni&amp;e ab</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Token never expires</source>
        <translation>Token läuft nie ab</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Token expiry date and time, local time</source>
        <translation>Ablaufdatum und -uhrzeit des Tokens, Ortszeit</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>eToro cannot remove a token&apos;s expiry. Choose a later date instead, or add a new token that never expires.</source>
        <translation>eToro kann den Ablauf eines Tokens nicht aufheben. Wählen Sie stattdessen ein späteres Datum, oder fügen Sie ein neues Token hinzu, das nie abläuft.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Uncheck to choose when the token stops working.</source>
        <translation>Deaktivieren, um zu wählen, wann das Token ungültig wird.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When the token stops working, in your local time. It is sent to eToro in UTC, shown beside it.</source>
        <translation>Wann das Token ungültig wird, in Ihrer Ortszeit. Es wird in UTC an eToro gesendet, wie daneben angezeigt.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Token e&amp;xpiry:</source>
        <translation>Token-Ab&amp;lauf:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Save on eToro</source>
        <translation>Bei eToro &amp;speichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the changes on eToro</source>
        <translation>Die Änderungen bei eToro speichern</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>Nothing changed yet.</source>
        <translation>Noch nichts geändert.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>= %1 UTC</source>
        <translation>= %1 UTC</translation>
    </message>
</context>
<context>
    <name>agentfolio::IpListEdit</name>
    <message>
        <location filename="../../ui/iplistedit.cpp" line="+19"/>
        <source>e.g. 192.168.1.1</source>
        <translation>z. B. 192.168.1.1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An IPv4 address allowed to use the token, like 192.168.1.1. Press Enter or Add to put it on the list. Leave the list empty to allow any address.</source>
        <translation>Eine IPv4-Adresse, die das Token verwenden darf, z. B. 192.168.1.1. Drücken Sie die Eingabetaste oder „Hinzufügen“, um sie in die Liste aufzunehmen. Lassen Sie die Liste leer, um jede Adresse zuzulassen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>IP address to add</source>
        <translation>Hinzuzufügende IP-Adresse</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add the typed address to the allow-list.</source>
        <translation>Die eingegebene Adresse zur Freigabeliste hinzufügen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add IP address</source>
        <translation>IP-Adresse hinzufügen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Addresses allowed to use the token. Select one and press Delete or Remove to take it off.</source>
        <translation>Adressen, die das Token verwenden dürfen. Wählen Sie eine aus und drücken Sie Entf oder „Entfernen“, um sie zu entfernen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>IP allow-list entries</source>
        <translation>Einträge der IP-Freigabeliste</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Remove</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the selected addresses from the allow-list (Delete).</source>
        <translation>Die ausgewählten Adressen aus der Freigabeliste entfernen (Entf).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove selected IP addresses</source>
        <translation>Ausgewählte IP-Adressen entfernen</translation>
    </message>
</context>
<context>
    <name>agentfolio::MainWindow</name>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="+85"/>
        <source>no reason given</source>
        <translation>ohne Angabe von Gründen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Agentfolio</source>
        <translation>Agentfolio</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Notice about tokens saved last time</source>
        <translation>Hinweis zu beim letzten Mal gespeicherten Tokens</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 was created, and every token value shown for it is now saved in the keychain.</source>
        <translation>%1 wurde erstellt, und jeder dafür angezeigte Token-Wert ist jetzt im Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;New portfolio</source>
        <translation>&amp;Neues Portfolio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Portfolios and tokens</source>
        <translation>&amp;Portfolios und Tokens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sections</source>
        <translation>Bereiche</translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>Clipboard clears in %n second(s)</source>
        <translation>
            <numerusform>Zwischenablage wird in %n Sekunde geleert</numerusform>
            <numerusform>Zwischenablage wird in %n Sekunden geleert</numerusform>
        </translation>
    </message>
    <message>
        <location line="+95"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add eToro account…</source>
        <translation>eToro-Konto &amp;hinzufügen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New agent portfolio</source>
        <translation>&amp;Neues Agent-Portfolio</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Unlock creating…</source>
        <translation>Erstellen &amp;freigeben…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Agentfolio</source>
        <translation>&amp;Über Agentfolio</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Unlock creating without a check?</source>
        <translation>Erstellen ohne Prüfung freigeben?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agentfolio cannot tell whether %1 was created. Unlock only if you have looked on eToro yourself: if it was created and you send it again, a second portfolio takes the money a second time. Any token value its answer carried is lost.</source>
        <translation>Agentfolio kann nicht feststellen, ob %1 erstellt wurde. Geben Sie das Erstellen nur frei, wenn Sie selbst bei eToro nachgesehen haben: Wurde es erstellt und Sie senden es erneut, nimmt ein zweites Portfolio das Geld ein zweites Mal. Jeder Token-Wert aus seiner Antwort geht verloren.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>I have checked: unlock</source>
        <translation>Ich habe geprüft: freigeben</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Creating is unlocked.</source>
        <translation>Das Erstellen ist freigegeben.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The account that portfolios are created in: the sandbox (no real money) or one of your eToro accounts.</source>
        <translation>Das Konto, in dem Portfolios erstellt werden: die Sandbox (kein echtes Geld) oder eines Ihrer eToro-Konten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add eToro account…</source>
        <translation>eToro-Konto hinzufügen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add eToro account</source>
        <translation>eToro-Konto hinzufügen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Sandbox (no real money)</source>
        <translation>Sandbox (kein echtes Geld)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (real eToro account)</source>
        <translation>%1 (echtes eToro-Konto)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Notice while a create is unresolved</source>
        <translation>Hinweis, solange ein Erstellen ungeklärt ist</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Reading the account&apos;s keys…</source>
        <translation>Die Schlüssel des Kontos werden gelesen…</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Finish with the current request before switching accounts.</source>
        <translation>Schließen Sie die laufende Anfrage ab, bevor Sie das Konto wechseln.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Check what happened to the last request before creating another portfolio.</source>
        <translation>Prüfen Sie, was aus der letzten Anfrage geworden ist, bevor Sie ein weiteres Portfolio erstellen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+96"/>
        <location line="+92"/>
        <source>Check now</source>
        <translation>Jetzt prüfen</translation>
    </message>
    <message>
        <location line="-181"/>
        <source>The account is not ready yet; try again in a moment.</source>
        <translation>Das Konto ist noch nicht bereit; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Create agent portfolio?</source>
        <translation>Agent-Portfolio erstellen?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 will be taken from your real eToro balance to copy %2.</source>
        <translation>%1 werden von Ihrem echten eToro-Guthaben abgezogen, um %2 zu kopieren.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 will be taken from the sandbox&apos;s simulated balance to copy %2. No real money moves.</source>
        <translation>%1 werden vom simulierten Guthaben der Sandbox abgezogen, um %2 zu kopieren. Es wird kein echtes Geld bewegt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Account: %1. The investment cannot be changed afterwards; the copy mirrors the portfolio&apos;s trades in proportion to its virtual balance.</source>
        <translation>Konto: %1. Der Anlagebetrag kann danach nicht mehr geändert werden; die Kopie bildet die Trades des Portfolios im Verhältnis zu seinem virtuellen Guthaben ab.</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>%1 was sent for the account %2: switch to it to check.</source>
        <translation>%1 wurde für das Konto %2 gesendet: Wechseln Sie zu diesem Konto, um es zu prüfen.</translation>
    </message>
    <message numerus="yes">
        <location line="+75"/>
        <source>Leave %n token value(s) unsaved?</source>
        <translation>
            <numerusform>%n Token-Wert ungespeichert lassen?</numerusform>
            <numerusform>%n Token-Werte ungespeichert lassen?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n token value(s) shown for %1 are saved nowhere: if you go on, they are gone for good, and eToro never shows them again. Put them in your agent&apos;s configuration or a password manager first.</source>
        <translation>
            <numerusform>%n für %1 angezeigter Token-Wert ist nirgends gespeichert: Wenn Sie fortfahren, ist er endgültig verloren, und eToro zeigt ihn nie wieder an. Legen Sie ihn zuerst in der Konfiguration Ihres Agenten oder in einem Passwortmanager ab.</numerusform>
            <numerusform>%n für %1 angezeigte Token-Werte sind nirgends gespeichert: Wenn Sie fortfahren, sind sie endgültig verloren, und eToro zeigt sie nie wieder an. Legen Sie sie zuerst in der Konfiguration Ihres Agenten oder in einem Passwortmanager ab.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Lose %n token value(s)</source>
        <translation>
            <numerusform>%n Token-Wert verwerfen</numerusform>
            <numerusform>%n Token-Werte verwerfen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stay</source>
        <comment>keep the unsaved token values</comment>
        <translation>Hierbleiben</translation>
    </message>
    <message numerus="yes">
        <location line="+97"/>
        <source>%n token(s) could not be saved in the keychain: %1. If you quit now, their values are lost for good; eToro never shows a token again. Put them in your agent&apos;s configuration or a password manager first, or retry saving.</source>
        <translation>
            <numerusform>%n Token konnte nicht im Schlüsselbund gespeichert werden: %1. Wenn Sie Agentfolio jetzt beenden, ist sein Wert endgültig verloren; eToro zeigt ein Token nie wieder an. Legen Sie den Wert zuerst in der Konfiguration Ihres Agenten oder in einem Passwortmanager ab, oder versuchen Sie erneut, ihn zu speichern.</numerusform>
            <numerusform>%n Tokens konnten nicht im Schlüsselbund gespeichert werden: %1. Wenn Sie Agentfolio jetzt beenden, sind ihre Werte endgültig verloren; eToro zeigt ein Token nie wieder an. Legen Sie die Werte zuerst in der Konfiguration Ihres Agenten oder in einem Passwortmanager ab, oder versuchen Sie erneut, sie zu speichern.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>%n token value(s) shown for %1 could not be saved and are held only in memory: if you quit, they are gone for good. Put them in your agent&apos;s configuration or a password manager first.</source>
        <translation>
            <numerusform>%n für %1 angezeigter Token-Wert konnte nicht gespeichert werden und liegt nur im Arbeitsspeicher: Wenn Sie Agentfolio beenden, ist er endgültig verloren. Legen Sie ihn zuerst in der Konfiguration Ihres Agenten oder in einem Passwortmanager ab.</numerusform>
            <numerusform>%n für %1 angezeigte Token-Werte konnten nicht gespeichert werden und liegen nur im Arbeitsspeicher: Wenn Sie Agentfolio beenden, sind sie endgültig verloren. Legen Sie sie zuerst in der Konfiguration Ihres Agenten oder in einem Passwortmanager ab.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-678"/>
        <location line="+244"/>
        <location line="+115"/>
        <location line="+106"/>
        <source>Sandbox</source>
        <translation>Sandbox</translation>
    </message>
    <message>
        <location line="-590"/>
        <source>Agentfolio stopped last time while saving the token “%1” of portfolio “%2” (account %3); its secret is in the keychain.</source>
        <translation>Agentfolio wurde beim letzten Mal beendet, während es das Token „%1“ des Portfolios „%2“ (Konto %3) speicherte; sein Geheimnis ist im Schlüsselbund.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Agentfolio stopped last time before the secret of the token “%1” of portfolio “%2” (account %3) reached the keychain. eToro cannot show it again: revoke this token and add a new one under Portfolios and tokens.</source>
        <translation>Agentfolio wurde beim letzten Mal beendet, bevor das Geheimnis des Tokens „%1“ des Portfolios „%2“ (Konto %3) den Schlüsselbund erreichte. eToro kann es nicht noch einmal zeigen: Widerrufen Sie dieses Token und fügen Sie unter „Portfolios und Tokens“ ein neues hinzu.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Agentfolio stopped last time while saving the token “%1” of portfolio “%2” (account %3), and the keychain cannot be asked whether its secret is there: %4 Agentfolio asks again when it next starts.</source>
        <translation>Agentfolio wurde beim letzten Mal beendet, während es das Token „%1“ des Portfolios „%2“ (Konto %3) speicherte, und der Schlüsselbund kann nicht gefragt werden, ob sein Geheimnis dort ist: %4 Agentfolio fragt beim nächsten Start erneut.</translation>
    </message>
    <message>
        <location line="+272"/>
        <source>Acco&amp;unt:</source>
        <translation>&amp;Konto:</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>A simulation on this computer. No real money moves and nothing reaches eToro. Add your eToro account to create real portfolios.</source>
        <translation>Eine Simulation auf diesem Computer. Es wird kein echtes Geld bewegt, und nichts erreicht eToro. Fügen Sie Ihr eToro-Konto hinzu, um echte Portfolios zu erstellen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Real eToro account: %1</source>
        <translation>Echtes eToro-Konto: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Creating a portfolio takes real money from this account&apos;s balance.</source>
        <translation>Das Erstellen eines Portfolios zieht echtes Geld vom Guthaben dieses Kontos ab.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Sandbox — Agentfolio</source>
        <translation>Sandbox — Agentfolio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (real money) — Agentfolio</source>
        <translation>%1 (echtes Geld) — Agentfolio</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Create and invest %1</source>
        <translation>Erstellen und %1 investieren</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The request was not sent: another one is under way.</source>
        <translation>Die Anfrage wurde nicht gesendet: Eine andere läuft noch.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+1"/>
        <source>Creating %1…</source>
        <translation>%1 wird erstellt…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checking whether %1 exists…</source>
        <translation>Es wird geprüft, ob %1 existiert…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Locked until you check what happened to %1.</source>
        <translation>Gesperrt, bis Sie prüfen, was aus %1 geworden ist.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Created %1.</source>
        <translation>%1 wurde erstellt.</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>The answer did carry %n token(s), which Agentfolio holds for now: choose Check now to find the portfolio and save them in the keychain.</source>
        <translation>
            <numerusform>Die Antwort enthielt aber %n Token, das Agentfolio vorerst festhält: Wählen Sie „Jetzt prüfen“, um das Portfolio zu finden und das Token im Schlüsselbund zu speichern.</numerusform>
            <numerusform>Die Antwort enthielt aber %n Tokens, die Agentfolio vorerst festhält: Wählen Sie „Jetzt prüfen“, um das Portfolio zu finden und die Tokens im Schlüsselbund zu speichern.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>You can try again at %1.</source>
        <translation>Sie können es um %1 erneut versuchen.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Looking for %1 on eToro…</source>
        <translation>%1 wird bei eToro gesucht…</translation>
    </message>
    <message numerus="yes">
        <location line="+31"/>
        <source>%1 was created: it is now in your list. Its answer carried %n token value(s) that Agentfolio could not save, shown below: keep them safe now, in your agent&apos;s configuration or a password manager.</source>
        <translation>
            <numerusform>%1 wurde erstellt und steht jetzt in Ihrer Liste. Die Antwort enthielt %n Token-Wert, den Agentfolio nicht speichern konnte; er wird unten angezeigt: Bewahren Sie ihn jetzt sicher auf, in der Konfiguration Ihres Agenten oder in einem Passwortmanager.</numerusform>
            <numerusform>%1 wurde erstellt und steht jetzt in Ihrer Liste. Die Antwort enthielt %n Token-Werte, die Agentfolio nicht speichern konnte; sie werden unten angezeigt: Bewahren Sie sie jetzt sicher auf, in der Konfiguration Ihres Agenten oder in einem Passwortmanager.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 was created: it is now in your list. Its answer could not be read in full, but it carried the token&apos;s value, which is saved below like any other.</source>
        <translation>%1 wurde erstellt und steht jetzt in Ihrer Liste. Seine Antwort war nicht vollständig lesbar, enthielt aber den Wert des Tokens; er wird unten wie jeder andere gespeichert.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 was created: it is now in your list. Its token&apos;s value was lost with the answer and eToro never shows it again; add a new token to use the portfolio.</source>
        <translation>%1 wurde erstellt und steht jetzt in Ihrer Liste. Der Wert seines Tokens ging mit der Antwort verloren, und eToro zeigt ihn nie wieder an; fügen Sie ein neues Token hinzu, um das Portfolio zu verwenden.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>eToro does not list a portfolio named %1 yet, but the answer to the request carried its token, so it was created. Check again in a moment; until then Agentfolio holds the token and sends nothing.</source>
        <translation>eToro führt noch kein Portfolio namens %1, aber die Antwort auf die Anfrage enthielt sein Token, also wurde es erstellt. Prüfen Sie in einem Moment erneut; bis dahin hält Agentfolio das Token fest und sendet nichts.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>eToro does not list a portfolio named %1 yet, but it answered the request with a success, so it was created. Check again in a moment; until then Agentfolio sends nothing.</source>
        <translation>eToro führt noch kein Portfolio namens %1, hat die Anfrage aber mit einem Erfolg beantwortet; es wurde also erstellt. Prüfen Sie gleich noch einmal; bis dahin sendet Agentfolio nichts.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>There is no portfolio named %1 on eToro: it was not created and no money moved. You can send it again.</source>
        <translation>Bei eToro gibt es kein Portfolio namens %1: Es wurde nicht erstellt, und es wurde kein Geld bewegt. Sie können die Anfrage erneut senden.</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Adding the token…</source>
        <translation>Das Token wird hinzugefügt…</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>%1 (portfolio %2)</source>
        <translation>%1 (Portfolio %2)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>A request to eToro is still under way; if you quit, you will not learn whether the portfolio was created.</source>
        <translation>Eine Anfrage an eToro läuft noch; wenn Sie jetzt beenden, erfahren Sie nicht, ob das Portfolio erstellt wurde.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The last create&apos;s outcome is unknown: money may have moved. Check now before quitting, or look for the portfolio %1 later.</source>
        <translation>Das Ergebnis der letzten Erstellung ist unbekannt: Möglicherweise wurde Geld bewegt. Prüfen Sie jetzt vor dem Beenden, oder suchen Sie später nach dem Portfolio %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Its answer carried a token that Agentfolio holds only in memory: if you quit before checking, its value is lost.</source>
        <translation>Seine Antwort enthielt ein Token, das Agentfolio nur im Arbeitsspeicher hält: Wenn Sie vor dem Prüfen beenden, ist sein Wert verloren.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A token request is still under way; its answer carries a secret that eToro shows only once.</source>
        <translation>Eine Token-Anfrage läuft noch; ihre Antwort enthält ein Geheimnis, das eToro nur einmal anzeigt.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Quit Agentfolio?</source>
        <translation>Agentfolio beenden?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quit and lose them</source>
        <translation>Beenden und verwerfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stay</source>
        <translation>Nicht beenden</translation>
    </message>
</context>
<context>
    <name>agentfolio::NoticePanel</name>
    <message>
        <location filename="../../ui/noticepanel.cpp" line="+21"/>
        <location line="+22"/>
        <source>Copy request id</source>
        <translation>Anfrage-ID kopieren</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Notice</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Request id</source>
        <translation>Anfrage-ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quote this id if you contact eToro about this request.</source>
        <translation>Geben Sie diese ID an, wenn Sie eToro wegen dieser Anfrage kontaktieren.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dismiss notice</source>
        <translation>Hinweis schließen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re&amp;quest id:</source>
        <translation>Anfra&amp;ge-ID:</translation>
    </message>
</context>
<context>
    <name>agentfolio::PasteTokenDialog</name>
    <message>
        <location filename="../../ui/pastetokendialog.cpp" line="+19"/>
        <source>Store the secret of %1</source>
        <translation>Geheimnis von %1 speichern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paste the secret of the token “%1” of “%2”, as eToro showed it when the token was created. It is saved in this computer&apos;s keychain. Agentfolio cannot check it against eToro: a wrong value is only noticed when an agent uses it.</source>
        <translation>Fügen Sie das Geheimnis des Tokens „%1“ von „%2“ so ein, wie eToro es beim Erstellen des Tokens angezeigt hat. Es wird im Schlüsselbund dieses Computers gespeichert. Agentfolio kann es nicht bei eToro prüfen: Ein falscher Wert fällt erst auf, wenn ein Agent ihn verwendet.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Paste the token&apos;s secret here</source>
        <translation>Fügen Sie das Geheimnis des Tokens hier ein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token secret</source>
        <translation>Geheimnis des Tokens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Masked. Paste with the Paste button or the keyboard.</source>
        <translation>Verdeckt. Fügen Sie es mit der Schaltfläche „Einfügen“ oder über die Tastatur ein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Paste</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paste the secret from the clipboard</source>
        <translation>Das Geheimnis aus der Zwischenablage einfügen</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+41"/>
        <source>S&amp;how</source>
        <translation>&amp;Anzeigen</translation>
    </message>
    <message>
        <location line="-37"/>
        <location line="+39"/>
        <source>Show the pasted secret</source>
        <translation>Das eingefügte Geheimnis anzeigen</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>&amp;Secret:</source>
        <translation>&amp;Geheimnis:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Store in keychain</source>
        <translation>Im &amp;Schlüsselbund speichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Store the secret in the keychain</source>
        <translation>Das Geheimnis im Schlüsselbund speichern</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>H&amp;ide</source>
        <translation>A&amp;usblenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide the pasted secret</source>
        <translation>Das eingefügte Geheimnis ausblenden</translation>
    </message>
</context>
<context>
    <name>agentfolio::PortfolioIndex</name>
    <message>
        <location filename="../../app/store/portfolioindex.cpp" line="+133"/>
        <source>%1 is missing</source>
        <translation>%1 fehlt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not a string</source>
        <translation>%1 ist keine Zeichenkette</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is empty</source>
        <translation>%1 ist leer</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is not a boolean</source>
        <translation>%1 ist kein Wahrheitswert</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 is not an integer</source>
        <translation>%1 ist keine Ganzzahl</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is out of range</source>
        <translation>%1 liegt außerhalb des zulässigen Bereichs</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>%1 is not a date</source>
        <translation>%1 ist kein Datum</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 is not a list</source>
        <translation>%1 ist keine Liste</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is not an object</source>
        <translation>%1 ist kein Objekt</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>scopeIds has a non-integer</source>
        <translation>scopeIds enthält einen Wert, der keine Ganzzahl ist</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>ipsWhitelist has a non-string</source>
        <translation>ipsWhitelist enthält einen Wert, der keine Zeichenkette ist</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>createdByRequestId is not a uuid</source>
        <translation>createdByRequestId ist keine UUID</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a token</source>
        <translation>ein Token</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>a portfolio</source>
        <translation>ein Portfolio</translation>
    </message>
    <message>
        <location line="+831"/>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not an Agentfolio index</source>
        <translation>kein Agentfolio-Index</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no valid version</source>
        <translation>keine gültige Version</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The portfolio index %1 cannot be read, and could not be moved aside. It is left untouched, and changes are kept in memory only until it is fixed.</source>
        <translation>Der Portfolio-Index %1 kann nicht gelesen und auch nicht beiseitegelegt werden. Er bleibt unverändert; Änderungen werden nur im Arbeitsspeicher gehalten, bis er repariert ist.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The portfolio index %1 could not be read. It was kept as %2 and a new index was started; refreshing the portfolio list from the server fills it again.</source>
        <translation>Der Portfolio-Index %1 konnte nicht gelesen werden. Er wurde als %2 aufbewahrt und ein neuer Index angelegt; wenn Sie die Portfolioliste vom Server aktualisieren, wird er wieder gefüllt.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The portfolio index %1 was written by a newer version of Agentfolio. It is shown as it is and will not be changed; new portfolios and tokens are kept in memory only. Update Agentfolio to record them.</source>
        <translation>Der Portfolio-Index %1 wurde von einer neueren Version von Agentfolio geschrieben. Er wird unverändert angezeigt und nicht geändert; neue Portfolios und Tokens werden nur im Arbeitsspeicher gehalten. Aktualisieren Sie Agentfolio, um sie dauerhaft zu speichern.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The portfolio index %1 cannot be read (%2). It is left untouched, and changes are kept in memory only.</source>
        <translation>Der Portfolio-Index %1 kann nicht gelesen werden (%2). Er bleibt unverändert; Änderungen werden nur im Arbeitsspeicher gehalten.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The portfolio index %1 cannot be read right now (%2).</source>
        <translation>Der Portfolio-Index %1 kann gerade nicht gelesen werden (%2).</translation>
    </message>
    <message>
        <location line="+132"/>
        <source>The portfolio index %1 could not be saved (%2). The previous version is intact; the change is kept in memory and will be saved with the next one.</source>
        <translation>Der Portfolio-Index %1 konnte nicht gespeichert werden (%2). Die vorherige Version ist unversehrt; die Änderung wird im Arbeitsspeicher gehalten und mit der nächsten gespeichert.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The folder of the portfolio index %1 cannot be created. Changes are kept in memory only.</source>
        <translation>Der Ordner des Portfolio-Index %1 kann nicht angelegt werden. Änderungen werden nur im Arbeitsspeicher gehalten.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The portfolio index %1 is in use by another Agentfolio window. The change is kept in memory and will be saved with the next one.</source>
        <translation>Der Portfolio-Index %1 wird von einem anderen Agentfolio-Fenster verwendet. Die Änderung wird im Arbeitsspeicher gehalten und mit der nächsten gespeichert.</translation>
    </message>
</context>
<context>
    <name>agentfolio::PortfolioTreeModel</name>
    <message>
        <location filename="../../app/session/portfoliotreemodel.cpp" line="+240"/>
        <source>Portfolio %1</source>
        <translation>Portfolio %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Token %1</source>
        <translation>Token %1</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Secret</source>
        <translation>Geheimnis</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>%1
Portfolio ID: %2</source>
        <translation>%1
Portfolio-ID: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>eToro no longer lists this portfolio: it may have been deleted elsewhere.</source>
        <translation>eToro führt dieses Portfolio nicht mehr: Möglicherweise wurde es an anderer Stelle gelöscht.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>GCID: %1
Mirror ID: %2
Virtual balance: %3</source>
        <translation>GCID: %1
Mirror-ID: %2
Virtuelles Guthaben: %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Investment: %1</source>
        <translation>Anlagebetrag: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Investment: unknown (eToro&apos;s list does not return it; it is known only for portfolios created here)</source>
        <translation>Anlagebetrag: unbekannt (eToros Liste enthält ihn nicht; er ist nur für hier erstellte Portfolios bekannt)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gone from eToro: the last refresh did not list it.</source>
        <translation>Nicht mehr bei eToro: Die letzte Aktualisierung hat es nicht aufgeführt.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+77"/>
        <source>Creation date unknown</source>
        <translation>Erstellungsdatum unbekannt</translation>
    </message>
    <message>
        <location line="-76"/>
        <location line="+77"/>
        <source>Created %1</source>
        <translation>Erstellt am %1</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>%1
Token ID: %2</source>
        <translation>%1
Token-ID: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client ID: %1</source>
        <translation>Client-ID: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revoked through Agentfolio.</source>
        <translation>Über Agentfolio widerrufen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>eToro no longer lists this token: it may have been revoked elsewhere.</source>
        <translation>eToro führt dieses Token nicht mehr: Möglicherweise wurde es an anderer Stelle widerrufen.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This token never expires.</source>
        <translation>Dieses Token läuft nie ab.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Expired on %1. eToro refuses it; add a new token.</source>
        <translation>Abgelaufen am %1. eToro lehnt es ab; fügen Sie ein neues Token hinzu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expires on %1.</source>
        <translation>Läuft am %1 ab.</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>stored here</source>
        <translation>hier gespeichert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not stored here</source>
        <translation>nicht hier gespeichert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>only in memory</source>
        <translation>nur im Arbeitsspeicher</translation>
    </message>
    <message>
        <location line="-92"/>
        <source>GCID %1 · mirror %2 · virtual %3</source>
        <translation>GCID %1 · Mirror %2 · virtuell %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> · invested %1</source>
        <translation> · investiert %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> · investment unknown</source>
        <translation> · Anlagebetrag unbekannt</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+42"/>
        <source> · gone from eToro</source>
        <translation> · nicht mehr bei eToro</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>real read</source>
        <translation>echt lesen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>demo read</source>
        <translation>Demo lesen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>real trade</source>
        <translation>echt handeln</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>demo trade</source>
        <translation>Demo handeln</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>scope %1</source>
        <translation>Berechtigung %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no scopes</source>
        <translation>keine Berechtigungen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>any IP</source>
        <translation>jede IP</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 and %2 more</source>
        <translation>%1 und %2 weitere</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> · revoked</source>
        <translation> · widerrufen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Scopes: %1</source>
        <translation>Berechtigungen: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>IP allow-list: empty, any IP address may use it</source>
        <translation>IP-Freigabeliste: leer, jede IP-Adresse darf es verwenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IP allow-list: %1</source>
        <translation>IP-Freigabeliste: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>in 1 hour</source>
        <translation>in 1 Stunde</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>in %1 hours</source>
        <translation>in %1 Stunden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>in 1 day</source>
        <translation>in 1 Tag</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>in %1 days</source>
        <translation>in %1 Tagen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The token&apos;s secret is in this computer&apos;s keychain. It is read from there only when you copy or reveal it.</source>
        <translation>Das Geheimnis des Tokens liegt im Schlüsselbund dieses Computers. Es wird nur von dort gelesen, wenn Sie es kopieren oder anzeigen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Agentfolio holds the token&apos;s secret in memory only: the keychain could not save it. Retry saving it, or copy it into your agent&apos;s configuration now; it is lost when Agentfolio quits.</source>
        <translation>Agentfolio hält das Geheimnis des Tokens nur im Arbeitsspeicher: Der Schlüsselbund konnte es nicht speichern. Versuchen Sie erneut, es zu speichern, oder kopieren Sie es jetzt in die Konfiguration Ihres Agenten; beim Beenden von Agentfolio geht es verloren.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token&apos;s secret is not on this computer. eToro shows a secret only once, when the token is created: paste it here if you have it, or add a new token.</source>
        <translation>Das Geheimnis des Tokens ist nicht auf diesem Computer. eToro zeigt ein Geheimnis nur einmal an, beim Erstellen des Tokens: Fügen Sie es hier ein, wenn Sie es haben, oder fügen Sie ein neues Token hinzu.</translation>
    </message>
</context>
<context>
    <name>agentfolio::ProfileStore</name>
    <message>
        <location filename="../../app/store/profilestore.cpp" line="+32"/>
        <source>The profile name is empty.</source>
        <translation>Der Profilname ist leer.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The profile name is longer than %n character(s).</source>
        <translation>
            <numerusform>Der Profilname ist länger als %n Zeichen.</numerusform>
            <numerusform>Der Profilname ist länger als %n Zeichen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The profile name contains a control character.</source>
        <translation>Der Profilname enthält ein Steuerzeichen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The base URL must be a complete address, such as %1.</source>
        <translation>Die Basis-URL muss eine vollständige Adresse sein, z. B. %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The base URL must not contain a user name or password.</source>
        <translation>Die Basis-URL darf keinen Benutzernamen und kein Passwort enthalten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The base URL must not contain a query or a fragment.</source>
        <translation>Die Basis-URL darf keine Abfrage und kein Fragment enthalten.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The base URL must use https; plain http is allowed only for this computer (127.0.0.1).</source>
        <translation>Die Basis-URL muss https verwenden; unverschlüsseltes http ist nur für diesen Computer (127.0.0.1) erlaubt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The base URL must start with https://.</source>
        <translation>Die Basis-URL muss mit https:// beginnen.</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>The sandbox profile is built in and cannot be changed.</source>
        <translation>Das Sandbox-Profil ist fest eingebaut und kann nicht geändert werden.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The profile id “%1” is not valid: use lowercase letters, digits and dashes.</source>
        <translation>Die Profil-ID „%1“ ist ungültig: Verwenden Sie Kleinbuchstaben, Ziffern und Bindestriche.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A profile with the id “%1” already exists.</source>
        <translation>Ein Profil mit der ID „%1“ existiert bereits.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+64"/>
        <source>There is no profile with the id “%1”.</source>
        <translation>Es gibt kein Profil mit der ID „%1“.</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>A profile named “%1” already exists.</source>
        <translation>Ein Profil namens „%1“ existiert bereits.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>The sandbox profile is built in and cannot be removed.</source>
        <translation>Das Sandbox-Profil ist fest eingebaut und kann nicht entfernt werden.</translation>
    </message>
</context>
<context>
    <name>agentfolio::ResultPanel</name>
    <message>
        <location filename="../../ui/resultpanel.cpp" line="+64"/>
        <source>Create another portfolio</source>
        <translation>Weiteres Portfolio erstellen</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>the answer did not say which of the portfolio&apos;s tokens this value belongs to. If you know, Paste value… on that token under Portfolios and tokens saves it.</source>
        <translation>Die Antwort sagte nicht, zu welchem Token des Portfolios dieser Wert gehört. Wenn Sie es wissen, können Sie ihn bei diesem Token unter „Portfolios und Tokens“ mit „Wert einfügen…“ speichern.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No keychain is connected to this window.</source>
        <translation>Mit diesem Fenster ist kein Schlüsselbund verbunden.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Agentfolio is saving another value for this token, and never overwrites one. This one is most likely the same.</source>
        <translation>Agentfolio speichert gerade einen anderen Wert für dieses Token und überschreibt nie einen. Dieser ist sehr wahrscheinlich derselbe.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Agentfolio holds another value for this token, which the keychain refused and which is not saved either: retry saving it under Portfolios and tokens. This one is most likely the same.</source>
        <translation>Agentfolio hält einen anderen Wert für dieses Token, den der Schlüsselbund abgelehnt hat und der ebenfalls nicht gespeichert ist: Versuchen Sie unter „Portfolios und Tokens“ erneut, ihn zu speichern. Dieser ist sehr wahrscheinlich derselbe.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the keychain holds a value for this token already, and Agentfolio never overwrites one. This one is most likely the same.</source>
        <translation>Der Schlüsselbund enthält bereits einen Wert für dieses Token, und Agentfolio überschreibt nie einen. Dieser ist sehr wahrscheinlich derselbe.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Portfolio “%1” created</source>
        <translation>Portfolio „%1“ erstellt</translation>
    </message>
    <message>
        <location line="+181"/>
        <source>eToro shows a token&apos;s value only this once. Agentfolio saves it in your system keychain; copy it from here into your agent&apos;s configuration.</source>
        <translation>eToro zeigt den Wert eines Tokens nur dieses eine Mal an. Agentfolio speichert ihn im Schlüsselbund Ihres Systems; kopieren Sie ihn von hier in die Konfiguration Ihres Agents.</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>eToro shows a token&apos;s value only this once. A value marked “Not saved” below exists only in this window: put it in your agent&apos;s configuration or a password manager now.</source>
        <translation>eToro zeigt den Wert eines Tokens nur dieses eine Mal. Ein unten mit „Nicht gespeichert“ markierter Wert existiert nur in diesem Fenster: Legen Sie ihn jetzt in der Konfiguration Ihres Agenten oder in einem Passwortmanager ab.</translation>
    </message>
    <message>
        <location line="-117"/>
        <source>Portfolio</source>
        <translation>Portfolio</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Portfolio name</source>
        <translation>Portfolioname</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Portfolio id:</source>
        <translation>Portfolio-ID:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Portfolio id</source>
        <translation>Portfolio-ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the portfolio id</source>
        <translation>Die Portfolio-ID kopieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>GCID:</source>
        <translation>GCID:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GCID</source>
        <translation>GCID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mirror id:</source>
        <translation>Mirror-ID:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mirror id</source>
        <translation>Mirror-ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Virtual balance:</source>
        <translation>Virtuelles Guthaben:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Virtual balance</source>
        <translation>Virtuelles Guthaben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Investment:</source>
        <translation>Anlagebetrag:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Investment</source>
        <translation>Anlagebetrag</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Position sizing</source>
        <translation>Positionsgröße</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown (no virtual balance)</source>
        <translation>Unbekannt (kein virtuelles Guthaben)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of every trade</source>
        <translation>%1 jedes Trades</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your copy mirrors the portfolio&apos;s trades in proportion: investment ÷ virtual balance.</source>
        <translation>Ihre Kopie bildet die Trades des Portfolios anteilig ab: Anlagebetrag ÷ virtuelles Guthaben.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Position sizing:</source>
        <translation>Positionsgröße:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Request id:</source>
        <translation>Anfrage-ID:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Request id</source>
        <translation>Anfrage-ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copy the request id</source>
        <translation>Die Anfrage-ID kopieren</translation>
    </message>
    <message>
        <location line="-107"/>
        <source>The portfolio was created, but eToro did not create its token.</source>
        <translation>Das Portfolio wurde erstellt, aber eToro hat sein Token nicht erstellt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add a token to it before your agent can use it. The portfolio is recorded in Agentfolio.</source>
        <translation>Fügen Sie ihm ein Token hinzu, bevor Ihr Agent es verwenden kann. Das Portfolio ist in Agentfolio erfasst.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add a token…</source>
        <translation>Token hinzufügen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a token to this portfolio</source>
        <translation>Diesem Portfolio ein Token hinzufügen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
</context>
<context>
    <name>agentfolio::SecretStore</name>
    <message>
        <location filename="../../app/store/secretstore.cpp" line="+115"/>
        <source>The key is empty.</source>
        <translation>Der Schlüssel ist leer.</translation>
    </message>
</context>
<context>
    <name>agentfolio::Session</name>
    <message>
        <location filename="../../app/session/session.cpp" line="+98"/>
        <source>The built-in sandbox could not listen on 127.0.0.1.</source>
        <translation>Die eingebaute Sandbox konnte nicht auf 127.0.0.1 lauschen.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>There is no account named &quot;%1&quot;.</source>
        <translation>Es gibt kein Konto namens „%1“.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>The account&apos;s keys could not be read.</source>
        <translation>Die Schlüssel des Kontos konnten nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>agentfolio::SettingsDialog</name>
    <message>
        <location filename="../../ui/settingsdialog.cpp" line="+21"/>
        <source>&amp;Never clear</source>
        <translation>&amp;Nie leeren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask before &amp;revoking or forgetting a token</source>
        <translation>Vor dem &amp;Widerrufen oder Vergessen eines Tokens nachfragen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+17"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Clear the clipboard after, in seconds</source>
        <translation>Zwischenablage leeren nach, in Sekunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A copied token is removed from the clipboard after this long, unless you copied something else meanwhile.</source>
        <translation>Ein kopiertes Token wird nach dieser Zeit aus der Zwischenablage entfernt, sofern Sie nicht inzwischen etwas anderes kopiert haben.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Never clear the clipboard</source>
        <translation>Zwischenablage nie leeren</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Request timeout, in seconds</source>
        <translation>Zeitlimit für Anfragen, in Sekunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long to wait for eToro without any progress. A create that times out is never sent again: you are asked to check instead.</source>
        <translation>Wie lange ohne jeden Fortschritt auf eToro gewartet wird. Eine Erstellung, die das Zeitlimit überschreitet, wird nie erneut gesendet: Stattdessen werden Sie gebeten, nachzuprüfen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Deleting a portfolio always asks you to type its name.</source>
        <translation>Beim Löschen eines Portfolios müssen Sie immer seinen Namen eingeben.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Clear the clipboard after:</source>
        <translation>Zwischenablage &amp;leeren nach:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Request &amp;timeout:</source>
        <translation>&amp;Zeitlimit für Anfragen:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Default &amp;scopes:</source>
        <translation>Standard-&amp;Berechtigungen:</translation>
    </message>
</context>
<context>
    <name>agentfolio::TokenCard</name>
    <message>
        <location filename="../../ui/tokencard.cpp" line="+40"/>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown scope (%1)</source>
        <translation>Unbekannte Berechtigung (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 your time (%2 UTC)</source>
        <translation>%1 Ortszeit (%2 UTC)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Token %1</source>
        <translation>Token %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Token name</source>
        <translation>Token-Name</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Token id</source>
        <translation>Token-ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not known</source>
        <translation>Nicht bekannt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Token id:</source>
        <translation>Token-ID:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scopes</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scopes:</source>
        <translation>Berechtigungen:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>IP allow-list</source>
        <translation>IP-Freigabeliste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any address</source>
        <translation>Jede Adresse</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>IP allow-list:</source>
        <translation>IP-Freigabeliste:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expires:</source>
        <translation>Läuft ab:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Token value</source>
        <translation>Wert des Tokens</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The token&apos;s secret value. eToro shows it only once. Hidden until you press Show.</source>
        <translation>Der geheime Wert des Tokens. eToro zeigt ihn nur einmal an. Verborgen, bis Sie auf „Anzeigen“ klicken.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+72"/>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <location line="-69"/>
        <location line="+70"/>
        <source>Show the token value</source>
        <translation>Den Wert des Tokens anzeigen</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the token value</source>
        <translation>Den Wert des Tokens kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copies the value, marked as a password, and clears the clipboard after a while</source>
        <translation>Kopiert den Wert, als Passwort gekennzeichnet, und leert die Zwischenablage nach einer Weile</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>eToro did not send this token&apos;s value</source>
        <translation>eToro hat den Wert dieses Tokens nicht gesendet</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Value:</source>
        <translation>Wert:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retry saving the token in the keychain</source>
        <translation>Erneut versuchen, das Token im Schlüsselbund zu speichern</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Keychain:</source>
        <translation>Schlüsselbund:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide the token value</source>
        <translation>Den Wert des Tokens verbergen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Copied. The clipboard is not cleared automatically.</source>
        <translation>Kopiert. Die Zwischenablage wird nicht automatisch geleert.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Copied. The clipboard is cleared in %1 s.</source>
        <translation>Kopiert. Die Zwischenablage wird in %1 s geleert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The copied value was removed from the clipboard.</source>
        <translation>Der kopierte Wert wurde aus der Zwischenablage entfernt.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved in the keychain</source>
        <translation>Im Schlüsselbund gespeichert</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not saved. The token exists only in this window until it is saved.</source>
        <translation>Nicht gespeichert. Das Token existiert nur in diesem Fenster, bis es gespeichert ist.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not saved: %1 The token exists only in this window until it is saved.</source>
        <translation>Nicht gespeichert: %1 Das Token existiert nur in diesem Fenster, bis es gespeichert ist.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put it in your agent&apos;s configuration or a password manager now: Agentfolio forgets it when you start another portfolio, switch account or quit.</source>
        <translation>Legen Sie den Wert jetzt in der Konfiguration Ihres Agenten oder in einem Passwortmanager ab: Agentfolio vergisst ihn, sobald Sie ein weiteres Portfolio beginnen, das Konto wechseln oder Agentfolio beenden.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Keychain state</source>
        <translation>Status im Schlüsselbund</translation>
    </message>
</context>
<context>
    <name>agentfolio::TokenHandOff</name>
    <message>
        <location filename="../../app/store/tokenhandoff.cpp" line="+289"/>
        <source>the keychain gave back something other than what was just saved</source>
        <translation>der Schlüsselbund gab etwas anderes zurück als das, was gerade gespeichert wurde</translation>
    </message>
</context>
<context>
    <name>agentfolio::TokenManager</name>
    <message>
        <location filename="../../app/session/tokenmanager.cpp" line="+88"/>
        <location line="+75"/>
        <location line="+54"/>
        <location line="+218"/>
        <location line="+142"/>
        <source>No account is open.</source>
        <translation>Es ist kein Konto geöffnet.</translation>
    </message>
    <message>
        <location line="-477"/>
        <source>Not connected to the account yet; wait a moment and try again.</source>
        <translation>Noch nicht mit dem Konto verbunden; warten Sie einen Moment und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not connected to the account: %1</source>
        <translation>Nicht mit dem Konto verbunden: %1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The change is kept in memory but could not be saved to the index file yet.</source>
        <translation>Die Änderung wird im Arbeitsspeicher gehalten, konnte aber noch nicht in der Indexdatei gespeichert werden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The change is kept in memory but could not be saved: %1</source>
        <translation>Die Änderung wird im Arbeitsspeicher gehalten, konnte aber nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The list could not be refreshed.</source>
        <translation>Die Liste konnte nicht aktualisiert werden.</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%n new portfolio(s)</source>
        <translation>
            <numerusform>%n neues Portfolio</numerusform>
            <numerusform>%n neue Portfolios</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n portfolio(s) no longer on eToro</source>
        <translation>
            <numerusform>%n Portfolio nicht mehr bei eToro</numerusform>
            <numerusform>%n Portfolios nicht mehr bei eToro</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n new token(s)</source>
        <translation>
            <numerusform>%n neues Token</numerusform>
            <numerusform>%n neue Tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n token(s) no longer on eToro</source>
        <translation>
            <numerusform>%n Token nicht mehr bei eToro</numerusform>
            <numerusform>%n Tokens nicht mehr bei eToro</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Up to date: %n portfolio(s) on eToro, nothing new.</source>
        <translation>
            <numerusform>Auf dem neuesten Stand: %n Portfolio bei eToro, nichts Neues.</numerusform>
            <numerusform>Auf dem neuesten Stand: %n Portfolios bei eToro, nichts Neues.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refreshed: %1.</source>
        <translation>Aktualisiert: %1.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>“%1” was not deleted.</source>
        <translation>„%1“ wurde nicht gelöscht.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>“%1” was already deleted on eToro; it is forgotten here.</source>
        <translation>„%1“ war bei eToro bereits gelöscht; es wird hier vergessen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleted “%1” on eToro: its copy mirror stopped and its tokens were revoked.</source>
        <translation>„%1“ wurde bei eToro gelöscht: Sein Kopieren (Mirror) wurde beendet, und seine Tokens wurden widerrufen.</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n token secret(s) could not be removed from the keychain (they no longer work):</source>
        <translation>
            <numerusform>%n Token-Geheimnis konnte nicht aus dem Schlüsselbund entfernt werden (es ist nicht mehr gültig):</numerusform>
            <numerusform>%n Token-Geheimnisse konnten nicht aus dem Schlüsselbund entfernt werden (sie sind nicht mehr gültig):</numerusform>
        </translation>
    </message>
    <message>
        <location line="+68"/>
        <source>“%1” may have been added.</source>
        <translation>„%1“ wurde möglicherweise hinzugefügt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” was not added.</source>
        <translation>„%1“ wurde nicht hinzugefügt.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>“%1” was most likely added: eToro said yes, and its answer, unreadable in part, carried the token&apos;s value. Agentfolio could not tie the value to a token on eToro (%2), so it is saved nowhere: put it in your agent&apos;s configuration or a password manager now.</source>
        <translation>„%1“ wurde sehr wahrscheinlich hinzugefügt: eToro hat zugestimmt, und die teilweise unlesbare Antwort enthielt den Wert des Tokens. Agentfolio konnte den Wert keinem Token bei eToro zuordnen (%2), daher ist er nirgends gespeichert: Legen Sie ihn jetzt in der Konfiguration Ihres Agenten oder in einem Passwortmanager ab.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Once the token is listed under Portfolios and tokens, Paste value… there saves it.</source>
        <translation>Sobald das Token unter „Portfolios und Tokens“ aufgeführt ist, können Sie ihn dort mit „Wert einfügen…“ speichern.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+17"/>
        <source>no account is open</source>
        <translation>kein Konto ist geöffnet</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the portfolio is not listed</source>
        <translation>das Portfolio ist nicht aufgeführt</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>no token of that name is listed</source>
        <translation>kein Token dieses Namens ist aufgeführt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>more than one token of that name is listed</source>
        <translation>mehr als ein Token dieses Namens ist aufgeführt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the listed token of that name already has a value here</source>
        <translation>das aufgeführte Token dieses Namens hat hier bereits einen Wert</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Its answer could not be read but carried the token&apos;s value, and the token was found on eToro by its name.</source>
        <translation>Die Antwort war nicht lesbar, enthielt aber den Wert des Tokens, und das Token wurde bei eToro anhand seines Namens gefunden.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Added “%1” to “%2”, but its secret could not be saved in the keychain:</source>
        <translation>„%1“ wurde zu „%2“ hinzugefügt, aber sein Geheimnis konnte nicht im Schlüsselbund gespeichert werden:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It is kept in memory only: retry saving it, or copy it into your agent&apos;s configuration or a password manager now.</source>
        <translation>Es wird nur im Arbeitsspeicher gehalten: Versuchen Sie erneut, es zu speichern, oder kopieren Sie es jetzt in die Konfiguration Ihres Agenten oder in einen Passwortmanager.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Added “%1” to “%2”. Its secret is in the keychain.</source>
        <translation>„%1“ wurde zu „%2“ hinzugefügt. Sein Geheimnis liegt im Schlüsselbund.</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+24"/>
        <source>Nothing changed.</source>
        <translation>Nichts geändert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” was not updated.</source>
        <translation>„%1“ wurde nicht aktualisiert.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Updated “%1”.</source>
        <translation>„%1“ wurde aktualisiert.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>“%1” was not revoked.</source>
        <translation>„%1“ wurde nicht widerrufen.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Revoked “%1” on eToro, but its secret could not be removed from the keychain:</source>
        <translation>„%1“ wurde bei eToro widerrufen, aber sein Geheimnis konnte nicht aus dem Schlüsselbund entfernt werden:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>It stays listed as revoked; forget it to try again.</source>
        <translation>Es bleibt als widerrufen aufgeführt; vergessen Sie es, um es erneut zu versuchen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>eToro no longer had “%1”; it is forgotten here.</source>
        <translation>eToro kannte „%1“ nicht mehr; es wird hier vergessen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revoked “%1” and forgot it here.</source>
        <translation>„%1“ wurde widerrufen und hier vergessen.</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>“%1” was not forgotten:</source>
        <translation>„%1“ wurde nicht vergessen:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Forgot “%1” here. It still works on eToro until it is revoked.</source>
        <translation>„%1“ wurde hier vergessen. Bei eToro bleibt es gültig, bis es widerrufen wird.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forgot “%1” here.</source>
        <translation>„%1“ wurde hier vergessen.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>There is nothing to store: paste the token&apos;s secret first.</source>
        <translation>Es gibt nichts zu speichern: Fügen Sie zuerst das Geheimnis des Tokens ein.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A token&apos;s secret has no spaces or line breaks: paste the secret alone.</source>
        <translation>Das Geheimnis eines Tokens enthält keine Leerzeichen oder Zeilenumbrüche: Fügen Sie nur das Geheimnis ein.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Agentfolio does not know this token: refresh the list, then paste its secret again.</source>
        <translation>Agentfolio kennt dieses Token nicht: Aktualisieren Sie die Liste und fügen Sie dann sein Geheimnis erneut ein.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The secret of “%1” was not stored:</source>
        <translation>Das Geheimnis von „%1“ wurde nicht gespeichert:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Stored the secret of “%1” in the keychain.</source>
        <translation>Das Geheimnis von „%1“ wurde im Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The secret of “%1” is not in the keychain yet; this is the only copy.</source>
        <translation>Das Geheimnis von „%1“ ist noch nicht im Schlüsselbund; dies ist die einzige Kopie.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Read the secret of “%1” from the keychain.</source>
        <translation>Das Geheimnis von „%1“ wurde aus dem Schlüsselbund gelesen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The secret of “%1” is not in the keychain. eToro cannot show it again: revoke this token and add a new one.</source>
        <translation>Das Geheimnis von „%1“ ist nicht im Schlüsselbund. eToro kann es nicht erneut anzeigen: Widerrufen Sie dieses Token und fügen Sie ein neues hinzu.</translation>
    </message>
</context>
<context>
    <name>agentfolio::TokensPage</name>
    <message>
        <location filename="../../ui/tokenspage.cpp" line="+83"/>
        <location line="+644"/>
        <location line="+2"/>
        <location line="+31"/>
        <source>Not known</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <location line="-675"/>
        <source>%1 your time (%2 UTC)</source>
        <translation>%1 Ortszeit (%2 UTC)</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+645"/>
        <location line="+5"/>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <location line="-646"/>
        <source>Unknown scope (%1)</source>
        <translation>Unbekannte Berechtigung (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Never expires</source>
        <translation>Läuft nie ab</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>In 1 day</source>
        <translation>In 1 Tag</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>In %1 days</source>
        <translation>In %1 Tagen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In 1 hour</source>
        <translation>In 1 Stunde</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>In %1 hours</source>
        <translation>In %1 Stunden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In 1 minute</source>
        <translation>In 1 Minute</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In %1 minutes</source>
        <translation>In %1 Minuten</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>Filter by portfolio or token name or id</source>
        <translation>Nach Name oder ID von Portfolio oder Token filtern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter portfolios and tokens</source>
        <translation>Portfolios und Tokens filtern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shows the portfolios and tokens whose name or id contains the text (Ctrl+F).</source>
        <translation>Zeigt die Portfolios und Tokens, deren Name oder ID den Text enthält (Strg+F).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Refresh from eToro</source>
        <translation>Von eToro aktualisieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lists the account&apos;s portfolios and tokens on eToro and adds the ones missing here, without their secrets (F5).</source>
        <translation>Ruft die Portfolios und Tokens des Kontos bei eToro ab und ergänzt die hier fehlenden, ohne ihre Geheimnisse (F5).</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Portfolios and tokens</source>
        <translation>Portfolios und Tokens</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Portfolio name</source>
        <translation>Portfolioname</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Portfolio state</source>
        <translation>Status des Portfolios</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Portfolio id</source>
        <translation>Portfolio-ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+52"/>
        <source>Id:</source>
        <translation>ID:</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>GCID</source>
        <translation>GCID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>GCID:</source>
        <translation>GCID:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mirror id</source>
        <translation>Mirror-ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mirror id:</source>
        <translation>Mirror-ID:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Virtual balance</source>
        <translation>Virtuelles Guthaben</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Virtual balance:</source>
        <translation>Virtuelles Guthaben:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Investment</source>
        <translation>Anlagebetrag</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Investment:</source>
        <translation>Anlagebetrag:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+70"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location line="-70"/>
        <location line="+70"/>
        <source>Created:</source>
        <translation>Erstellt:</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Description:</source>
        <translation>Beschreibung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tokens:</source>
        <translation>Tokens:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Add token…</source>
        <translation>Token hin&amp;zufügen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a token to this portfolio</source>
        <translation>Diesem Portfolio ein Token hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Asks eToro for a new token for this portfolio and stores its secret in the keychain.</source>
        <translation>Fordert bei eToro ein neues Token für dieses Portfolio an und speichert sein Geheimnis im Schlüsselbund.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete this portfolio on eToro</source>
        <translation>Dieses Portfolio bei eToro löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deletes the portfolio on eToro: its copy mirror stops and every token is revoked.</source>
        <translation>Löscht das Portfolio bei eToro: Sein Kopieren (Mirror) endet, und jedes Token wird widerrufen.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Token name</source>
        <translation>Token-Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token state</source>
        <translation>Status des Tokens</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Portfolio</source>
        <translation>Portfolio</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Portfolio:</source>
        <translation>Portfolio:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token id</source>
        <translation>Token-ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client id</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Client id:</source>
        <translation>Client-ID:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scopes</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Scopes:</source>
        <translation>Berechtigungen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IP allow-list</source>
        <translation>IP-Freigabeliste</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>IP allow-list:</source>
        <translation>IP-Freigabeliste:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Expiry state</source>
        <translation>Ablaufstatus</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Expires:</source>
        <translation>Läuft ab:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Secret</source>
        <translation>Geheimnis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Secret:</source>
        <translation>Geheimnis:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Hidden</source>
        <translation>Verborgen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token value</source>
        <translation>Wert des Tokens</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The token&apos;s secret, read from the keychain when you press Reveal and hidden again after a while.</source>
        <translation>Das Geheimnis des Tokens; es wird aus dem Schlüsselbund gelesen, wenn Sie auf „Anzeigen“ klicken, und nach einer Weile wieder verborgen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Copy</source>
        <translation>K&amp;opieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copy the token&apos;s secret</source>
        <translation>Das Geheimnis des Tokens kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copies the secret, marked as a password, and clears the clipboard after a while (Ctrl+C in the list).</source>
        <translation>Kopiert das Geheimnis, als Passwort gekennzeichnet, und leert die Zwischenablage nach einer Weile (Strg+C in der Liste).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Copy as environment &amp;line</source>
        <translation>Als &amp;Umgebungsvariable kopieren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ed&amp;it…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>For&amp;get…</source>
        <translation>&amp;Vergessen…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pa&amp;ste value…</source>
        <translation>Wert &amp;einfügen…</translation>
    </message>
    <message>
        <location line="+400"/>
        <source>Copied the secret of “%1”.</source>
        <translation>Das Geheimnis von „%1“ wurde kopiert.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Hid&amp;e</source>
        <translation>&amp;Ausblenden</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Copied %1=… for an agent&apos;s configuration. The clipboard is not cleared automatically.</source>
        <translation>%1=… für die Konfiguration eines Agents kopiert. Die Zwischenablage wird nicht automatisch geleert.</translation>
    </message>
    <message>
        <location line="-458"/>
        <location line="+369"/>
        <source>Reveal the token&apos;s secret</source>
        <translation>Das Geheimnis des Tokens anzeigen</translation>
    </message>
    <message>
        <location line="-369"/>
        <location line="+368"/>
        <source>R&amp;eveal</source>
        <translation>&amp;Anzeigen</translation>
    </message>
    <message>
        <location line="-367"/>
        <source>Shows the secret here for a few seconds.</source>
        <translation>Zeigt das Geheimnis hier für einige Sekunden an.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy the token as an environment variable line</source>
        <translation>Das Token als Zeile mit einer Umgebungsvariablen kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copies AGENTFOLIO_TOKEN_&lt;NAME&gt;=&lt;secret&gt;, for an agent&apos;s configuration, and clears the clipboard after a while.</source>
        <translation>Kopiert AGENTFOLIO_TOKEN_&lt;NAME&gt;=&lt;secret&gt; für die Konfiguration eines Agents und leert die Zwischenablage nach einer Weile.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Edit the token&apos;s scopes, IP allow-list or expiry</source>
        <translation>Berechtigungen, IP-Freigabeliste oder Ablauf des Tokens bearbeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes the token&apos;s scopes, IP allow-list or expiry on eToro.</source>
        <translation>Ändert Berechtigungen, IP-Freigabeliste oder Ablauf des Tokens bei eToro.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Revoke the token on eToro</source>
        <translation>Das Token bei eToro widerrufen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rev&amp;oke…</source>
        <translation>&amp;Widerrufen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revokes the token on eToro, then forgets it here.</source>
        <translation>Widerruft das Token bei eToro und vergisst es dann hier.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Forget the token on this computer only</source>
        <translation>Das Token nur auf diesem Computer vergessen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removes the token and its secret from this computer; it stays valid on eToro.</source>
        <translation>Entfernt das Token und sein Geheimnis von diesem Computer; bei eToro bleibt es gültig.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Store the token&apos;s secret by pasting it</source>
        <translation>Das Geheimnis des Tokens durch Einfügen speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For a token created elsewhere: paste its secret to keep it in the keychain.</source>
        <translation>Für ein an anderer Stelle erstelltes Token: Fügen Sie sein Geheimnis ein, um es im Schlüsselbund aufzubewahren.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re&amp;try saving</source>
        <translation>E&amp;rneut speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry saving the secret in the keychain</source>
        <translation>Erneut versuchen, das Geheimnis im Schlüsselbund zu speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writes the secret held in memory to the keychain again.</source>
        <translation>Schreibt das im Arbeitsspeicher gehaltene Geheimnis erneut in den Schlüsselbund.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Value:</source>
        <translation>Wer&amp;t:</translation>
    </message>
    <message>
        <location line="+205"/>
        <source>No agent portfolios here yet. Create one, or press Refresh from eToro to list the ones this account has.</source>
        <translation>Hier gibt es noch keine Agent-Portfolios. Erstellen Sie eines, oder klicken Sie auf „Von eToro aktualisieren“, um die Portfolios dieses Kontos abzurufen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select a portfolio or a token to see its details and actions.</source>
        <translation>Wählen Sie ein Portfolio oder ein Token aus, um seine Details und Aktionen zu sehen.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>eToro no longer lists this portfolio: it was deleted elsewhere. Its tokens no longer work.</source>
        <translation>eToro führt dieses Portfolio nicht mehr: Es wurde an anderer Stelle gelöscht. Seine Tokens sind nicht mehr gültig.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Not known (eToro does not list it; it is known only for portfolios created here)</source>
        <translation>Unbekannt (eToro führt ihn nicht; er ist nur für hier erstellte Portfolios bekannt)</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n token(s), </source>
        <translation>
            <numerusform>%n Token, </numerusform>
            <numerusform>%n Tokens, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n with its secret stored here</source>
        <translation>
            <numerusform>%n davon mit hier gespeichertem Geheimnis</numerusform>
            <numerusform>%n davon mit hier gespeichertem Geheimnis</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Revoked through Agentfolio.</source>
        <translation>Über Agentfolio widerrufen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>eToro no longer lists this token: it was revoked elsewhere. Forget it here.</source>
        <translation>eToro führt dieses Token nicht mehr: Es wurde an anderer Stelle widerrufen. Vergessen Sie es hier.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Any address</source>
        <translation>Jede Adresse</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Being saved in the keychain…</source>
        <translation>Wird im Schlüsselbund gespeichert…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only in this window&apos;s memory: the keychain refused it (%1). Retry saving it, or copy it into your agent&apos;s configuration or a password manager now; it is lost when Agentfolio quits.</source>
        <translation>Nur im Arbeitsspeicher dieses Fensters: Der Schlüsselbund hat es abgelehnt (%1). Versuchen Sie erneut, es zu speichern, oder kopieren Sie es jetzt in die Konfiguration Ihres Agenten oder in einen Passwortmanager; beim Beenden von Agentfolio geht es verloren.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no reason given</source>
        <translation>ohne Angabe von Gründen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stored in this computer&apos;s keychain.</source>
        <translation>Im Schlüsselbund dieses Computers gespeichert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not stored here. eToro cannot show it again: paste it if you have it, or revoke this token and add a new one.</source>
        <translation>Hier nicht gespeichert. eToro kann es nicht erneut anzeigen: Fügen Sie es ein, wenn Sie es haben, oder widerrufen Sie dieses Token und fügen Sie ein neues hinzu.</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>The secret of “%1” is not stored here: there is nothing to copy.</source>
        <translation>Das Geheimnis von „%1“ ist hier nicht gespeichert: Es gibt nichts zu kopieren.</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Copied the secret of “%1”. The clipboard is cleared in %n second(s).</source>
        <translation>
            <numerusform>Das Geheimnis von „%1“ wurde kopiert. Die Zwischenablage wird in %n Sekunde geleert.</numerusform>
            <numerusform>Das Geheimnis von „%1“ wurde kopiert. Die Zwischenablage wird in %n Sekunden geleert.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copied the secret of “%1”. The clipboard is not cleared automatically.</source>
        <translation>Das Geheimnis von „%1“ wurde kopiert. Die Zwischenablage wird nicht automatisch geleert.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Hide the token&apos;s secret</source>
        <translation>Das Geheimnis des Tokens ausblenden</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>Copied %1=… for an agent&apos;s configuration. The clipboard is cleared in %n second(s).</source>
        <translation>
            <numerusform>%1=… für die Konfiguration eines Agents kopiert. Die Zwischenablage wird in %n Sekunde geleert.</numerusform>
            <numerusform>%1=… für die Konfiguration eines Agents kopiert. Die Zwischenablage wird in %n Sekunden geleert.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Copied %1=…</source>
        <translation>Kopiert: %1=…</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Revoke token</source>
        <translation>Token widerrufen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revoke the token “%1” of the portfolio “%2” on eToro?</source>
        <translation>Das Token „%1“ des Portfolios „%2“ bei eToro widerrufen?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agents using it lose access at once. Its secret is then removed from this computer. This cannot be undone.</source>
        <translation>Agents, die es verwenden, verlieren sofort den Zugriff. Sein Geheimnis wird danach von diesem Computer entfernt. Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Revoke on eToro</source>
        <translation>Bei eToro &amp;widerrufen</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Forget token</source>
        <translation>Token vergessen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forget the token “%1” of the portfolio “%2” on this computer?</source>
        <translation>Das Token „%1“ des Portfolios „%2“ auf diesem Computer vergessen?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Its secret was never saved in the keychain: the copy in this window is the only one. Forgetting it loses it for good; eToro cannot show it again. Copy it first if an agent needs it.</source>
        <translation>Sein Geheimnis wurde nie im Schlüsselbund gespeichert: Die Kopie in diesem Fenster ist die einzige. Wenn Sie es vergessen, ist es endgültig verloren; eToro kann es nicht erneut anzeigen. Kopieren Sie es zuerst, falls ein Agent es benötigt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token stays valid on eToro; only this computer forgets it and removes its secret from the keychain. The secret cannot be recovered from eToro: to use this token again you would have to revoke it and add a new one.</source>
        <translation>Das Token bleibt bei eToro gültig; nur dieser Computer vergisst es und entfernt sein Geheimnis aus dem Schlüsselbund. Das Geheimnis lässt sich bei eToro nicht wiederherstellen: Um dieses Token wieder zu verwenden, müssten Sie es widerrufen und ein neues hinzufügen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Forget here</source>
        <translation>Hier &amp;vergessen</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Saving on eToro…</source>
        <translation>Wird bei eToro gespeichert…</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Adding the token on eToro…</source>
        <translation>Das Token wird bei eToro hinzugefügt…</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Copied the portfolio&apos;s id.</source>
        <translation>Die ID des Portfolios wurde kopiert.</translation>
    </message>
</context>
<context>
    <name>agentfolio::UnsavedValueDialog</name>
    <message>
        <location filename="../../ui/unsavedvaluedialog.cpp" line="+17"/>
        <source>A token value saved nowhere</source>
        <translation>Ein nirgends gespeicherter Token-Wert</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Put it in your agent&apos;s configuration or a password manager now: it is gone once this window is closed.</source>
        <translation>Legen Sie den Wert jetzt in der Konfiguration Ihres Agenten oder in einem Passwortmanager ab: Sobald dieses Fenster geschlossen ist, ist er verloren.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Agentfolio could not save it with its token on eToro, so it is not in the keychain.</source>
        <translation>Agentfolio konnte ihn nicht zusammen mit seinem Token bei eToro speichern, daher ist er nicht im Schlüsselbund.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Close without the token value?</source>
        <translation>Ohne den Token-Wert schließen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The value is saved nowhere: once this window is closed it is gone for good, and eToro never shows it again.</source>
        <translation>Der Wert ist nirgends gespeichert: Sobald dieses Fenster geschlossen ist, ist er endgültig verloren, und eToro zeigt ihn nie wieder an.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close and lose it</source>
        <translation>Schließen und verwerfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep it open</source>
        <translation>Offen lassen</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../app/main.cpp" line="+75"/>
        <source>Create eToro agent portfolios and keep their tokens in the system keychain.</source>
        <translation>eToro-Agent-Portfolios erstellen und ihre Tokens im Schlüsselbund des Systems aufbewahren.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Start on the built-in sandbox, whatever accounts exist.</source>
        <translation>Mit der eingebauten Sandbox starten, unabhängig von vorhandenen Konten.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start on the account with this id.</source>
        <translation>Mit dem Konto mit dieser ID starten.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send a real account&apos;s requests to this server (https; plain http only to this computer).</source>
        <translation>Die Anfragen eines echten Kontos an diesen Server senden (https; unverschlüsseltes http nur zu diesem Computer).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>url</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>an option is missing its value</source>
        <translation>einer Option fehlt ihr Wert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>unerwartetes Argument „%1“</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--sandbox and --profile exclude each other</source>
        <translation>--sandbox und --profile schließen einander aus</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>--api-base-url: %1</source>
        <translation>--api-base-url: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no account with id &quot;%1&quot;</source>
        <translation>kein Konto mit der ID „%1“</translation>
    </message>
    <message>
        <location filename="../../app/sandbox_main.cpp" line="+108"/>
        <source>Runs the Agentfolio sandbox: an emulator of eToro&apos;s agent-portfolio API on 127.0.0.1, for use without an eToro account.</source>
        <translation>Startet die Agentfolio-Sandbox: einen Emulator der Agent-Portfolio-API von eToro auf 127.0.0.1, zur Nutzung ohne eToro-Konto.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The port to listen on (0, the default: any free one).</source>
        <translation>Der Port, auf dem gelauscht wird (0, die Voreinstellung: ein beliebiger freier).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The JSON file that keeps the sandbox&apos;s portfolios (default: %1; empty: keep them in memory only).</source>
        <translation>Die JSON-Datei, in der die Portfolios der Sandbox gespeichert werden (Voreinstellung: %1; leer: nur im Arbeitsspeicher halten).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>agentfolio-sandbox: --port expects a number from 0 to 65535, not &quot;%1&quot;.</source>
        <translation>agentfolio-sandbox: --port erwartet eine Zahl von 0 bis 65535, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>agentfolio-sandbox: cannot listen on 127.0.0.1 port %1.</source>
        <translation>agentfolio-sandbox: Auf 127.0.0.1, Port %1, kann nicht gelauscht werden.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>State file: %1</source>
        <translation>Zustandsdatei: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none (in memory only)</source>
        <translation>keine (nur im Arbeitsspeicher)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Try it:</source>
        <translation>Zum Ausprobieren:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>agentfolio-sandbox: stopped.</source>
        <translation>agentfolio-sandbox: beendet.</translation>
    </message>
</context>
</TS>
