<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name></name>
    <message>
        <source>The mint refused the token</source>
        <translation>Die Mint hat den Token abgelehnt</translation>
    </message>
    <message>
        <source>The sale was counted as paid offline, but the money never arrived: contact the customer or write it off, then Dismiss.</source>
        <translation>Der Verkauf wurde offline als bezahlt gezählt, aber das Geld kam nie an: Kunden kontaktieren oder abschreiben, dann Schließen.</translation>
    </message>
    <message>
        <source>The sale is not paid: ask the customer to pay again; if the goods have left, the amount is lost. Dismiss once it is settled.</source>
        <translation>Der Verkauf ist nicht bezahlt: Kunden bitten, erneut zu zahlen; ist die Ware schon weg, ist der Betrag verloren. Schließen, sobald es geklärt ist.</translation>
    </message>
    <message>
        <source>Cancelled after {paid} was paid</source>
        <translation>Storniert, nachdem {paid} bezahlt war</translation>
    </message>
    <message>
        <source>Expired after {paid} was paid</source>
        <translation>Abgelaufen, nachdem {paid} bezahlt war</translation>
    </message>
    <message>
        <source>Give it back: Refund makes a token (QR code and file); Dismiss if you refunded it another way.</source>
        <translation>Zurückgeben: Erstatten erstellt einen Token (QR-Code und Datei); Schließen, wenn Sie anders erstattet haben.</translation>
    </message>
    <message>
        <source>Token redeem</source>
        <translation>Token einlösen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Lightning payout</source>
        <translation>Auszahlung per Lightning</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellung</translation>
    </message>
    <message>
        <source>Mint</source>
        <translation>Mint</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Zahlung</translation>
    </message>
    <message>
        <source>Refund owed</source>
        <translation>Erstattung offen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Partly paid</source>
        <translation>Teilweise bezahlt</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Erhalten</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <source>Settled</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Recovering</source>
        <translation>Wird nachgeholt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Zu prüfen</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>Verworfen</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Recovered</source>
        <translation>Wiederhergestellt</translation>
    </message>
    <message>
        <source>Partly refunded</source>
        <translation>Teilweise erstattet</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Erstattet</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>Eingelöst</translation>
    </message>
    <message>
        <source>Partly claimed</source>
        <translation>Teilweise eingelöst</translation>
    </message>
    <message>
        <source>Being made</source>
        <translation>Wird erstellt</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>{n} s ago</source>
        <translation>vor {n} s</translation>
    </message>
    <message>
        <source>{n} min ago</source>
        <translation>vor {n} min</translation>
    </message>
    <message>
        <source>{n} h ago</source>
        <translation>vor {n} h</translation>
    </message>
    <message>
        <source>Camera {n}</source>
        <translation>Kamera {n}</translation>
    </message>
    <message>
        <source>Video file…</source>
        <translation>Videodatei …</translation>
    </message>
    <message>
        <source>Choose a video file</source>
        <translation>Videodatei wählen</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.avi *.mkv *.mov *.webm);;All files (*)</source>
        <translation>Videos (*.mp4 *.avi *.mkv *.mov *.webm);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Screen {n} (not connected)</source>
        <translation>Bildschirm {n} (nicht angeschlossen)</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>Units: {units}</source>
        <translation>Einheiten: {units}</translation>
    </message>
    <message>
        <source>Technical: Cashu NUTs {list}</source>
        <translation>Technisch: Cashu-NUTs {list}</translation>
    </message>
    <message>
        <source>Has everything a shop needs</source>
        <translation>Hat alles, was ein Laden braucht</translation>
    </message>
    <message>
        <source>This mint lacks:</source>
        <translation>Dieser Mint fehlt:</translation>
    </message>
    <message>
        <source>Works, but this mint cannot do: {what}</source>
        <translation>Funktioniert, kann aber nicht: {what}</translation>
    </message>
    <message>
        <source>Trusted mints only</source>
        <translation>Nur vertrauenswürdige Mints</translation>
    </message>
    <message>
        <source>Tokens from trusted mints are accepted and kept; any other token is refused.</source>
        <translation>Tokens von vertrauenswürdigen Mints werden angenommen und behalten; alle anderen werden abgelehnt.</translation>
    </message>
    <message>
        <source>Keep trusted, pay out the rest</source>
        <translation>Vertrauenswürdige behalten, Rest auszahlen</translation>
    </message>
    <message>
        <source>Tokens from trusted mints are kept; others are paid to the Lightning address.</source>
        <translation>Tokens von vertrauenswürdigen Mints werden behalten; andere gehen an die Lightning-Adresse.</translation>
    </message>
    <message>
        <source>Pay out everything</source>
        <translation>Alles auszahlen</translation>
    </message>
    <message>
        <source>Every token is paid to the Lightning address at once; the shop keeps no ecash.</source>
        <translation>Jeder Token geht sofort an die Lightning-Adresse; der Laden behält kein E-Cash.</translation>
    </message>
    <message>
        <source>name@example.com or https://… (LNURL-pay)</source>
        <translation>name@example.com oder https://… (LNURL-pay)</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Ein</translation>
    </message>
    <message>
        <source>Address (https://…)</source>
        <translation>Adresse (https://…)</translation>
    </message>
    <message>
        <source>Path to the price</source>
        <translation>Pfad zum Preis</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Add source</source>
        <translation>Quelle hinzufügen</translation>
    </message>
    <message>
        <source>Remove source</source>
        <translation>Quelle entfernen</translation>
    </message>
    <message>
        <source>Name or code, such as EUR</source>
        <translation>Name oder Code, z. B. EUR</translation>
    </message>
</context>
<context>
    <name>ActivityPage</name>
    <message>
        <source>Activity</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Show all sales</source>
        <translation>Alle Verkäufe zeigen</translation>
    </message>
    <message>
        <source>Details (Enter)</source>
        <translation>Details (Enter)</translation>
    </message>
    <message>
        <source>Paid in {slice}</source>
        <translation>Bezahlt in {slice}</translation>
    </message>
    <message>
        <source>1 matching sale</source>
        <translation>1 passender Verkauf</translation>
    </message>
    <message>
        <source>1 sale</source>
        <translation>1 Verkauf</translation>
    </message>
    <message>
        <source>{n} matching sales</source>
        <translation>{n} passende Verkäufe</translation>
    </message>
    <message>
        <source>{n} sales</source>
        <translation>{n} Verkäufe</translation>
    </message>
    <message>
        <source>No sales match these filters.</source>
        <translation>Keine Verkäufe passen zu diesen Filtern.</translation>
    </message>
    <message>
        <source>No sales yet.</source>
        <translation>Noch keine Verkäufe.</translation>
    </message>
    <message>
        <source>1 needs attention</source>
        <translation>1 braucht Aufmerksamkeit</translation>
    </message>
    <message>
        <source>{n} need attention</source>
        <translation>{n} brauchen Aufmerksamkeit</translation>
    </message>
</context>
<context>
    <name>AddMintDialog</name>
    <message>
        <source>Add a mint</source>
        <translation>Mint hinzufügen</translation>
    </message>
    <message>
        <source>Trusted: accept this mint&apos;s tokens as payment</source>
        <translation>Vertrauenswürdig: Tokens dieser Mint als Zahlung annehmen</translation>
    </message>
    <message>
        <source>Add mint</source>
        <translation>Mint hinzufügen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Type the mint&apos;s address and press Check. The app asks the mint what it supports before it is added.</source>
        <translation>Adresse der Mint eingeben und auf Prüfen drücken. Die App fragt die Mint, was sie kann, bevor sie hinzugefügt wird.</translation>
    </message>
    <message>
        <source>Adding…</source>
        <translation>Wird hinzugefügt …</translation>
    </message>
</context>
<context>
    <name>AllOfflinePrompt</name>
    <message>
        <source>Show the request anyway</source>
        <translation>Zahlungsanforderung trotzdem zeigen</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Jetzt nicht</translation>
    </message>
</context>
<context>
    <name>AnalyticsPage</name>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Diese Woche</translation>
    </message>
    <message>
        <source>Last week</source>
        <translation>Letzte Woche</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Dieser Monat</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Letzter Monat</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Eigener Zeitraum</translation>
    </message>
    <message>
        <source>Ecash kept (swap)</source>
        <translation>Ecash behalten (Swap)</translation>
    </message>
    <message>
        <source>Paid out to Lightning (melt)</source>
        <translation>An Lightning ausgezahlt (Melt)</translation>
    </message>
    <message>
        <source>Accepted offline</source>
        <translation>Offline angenommen</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>Mo</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Di</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Mi</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Do</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Fr</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sa</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>So</translation>
    </message>
    <message>
        <source>Analytics</source>
        <translation>Auswertung</translation>
    </message>
    <message>
        <source>Refresh (Ctrl+R)</source>
        <translation>Aktualisieren (Strg+R)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>End of day…</source>
        <translation>Tagesabschluss…</translation>
    </message>
    <message>
        <source>X report, closing the day (Z report), Z reports</source>
        <translation>X-Bericht, Tagesabschluss (Z-Bericht), Z-Berichte</translation>
    </message>
    <message>
        <source>Gross sales</source>
        <translation>Bruttoumsatz</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Verkäufe</translation>
    </message>
    <message>
        <source>Average ticket</source>
        <translation>Durchschnittsbon</translation>
    </message>
    <message>
        <source>Fees paid (mint / Lightning)</source>
        <translation>Gezahlte Gebühren (Mint / Lightning)</translation>
    </message>
    <message>
        <source>Fee advance collected</source>
        <translation>Eingenommener Gebührenaufschlag</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Braucht Prüfung</translation>
    </message>
    <message>
        <source>Payments that went through</source>
        <translation>Erfolgreiche Zahlungen</translation>
    </message>
    <message>
        <source>Refused payments</source>
        <translation>Abgelehnte Zahlungen</translation>
    </message>
    <message>
        <source>Tips (not in the sales)</source>
        <translation>Trinkgeld (nicht im Umsatz)</translation>
    </message>
    <message>
        <source>VAT collected</source>
        <translation>Eingenommene MwSt.</translation>
    </message>
    <message>
        <source>Mint</source>
        <translation>Mint</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Zahlungen</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Satz</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Netto</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>MwSt.</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>Brutto</translation>
    </message>
    <message>
        <source>Sales over time</source>
        <translation>Umsatz im Zeitverlauf</translation>
    </message>
    <message>
        <source>Show the amounts in sat or in the shop currency</source>
        <translation>Beträge in sat oder in der Ladenwährung zeigen</translation>
    </message>
    <message>
        <source>Fees over time</source>
        <translation>Gebühren im Zeitverlauf</translation>
    </message>
    <message>
        <source>Payments that went through, over time</source>
        <translation>Erfolgreiche Zahlungen im Zeitverlauf</translation>
    </message>
    <message>
        <source>Money received by mint</source>
        <translation>Eingenommenes Geld nach Mint</translation>
    </message>
    <message>
        <source>Sales by weekday and hour</source>
        <translation>Verkäufe nach Wochentag und Uhrzeit</translation>
    </message>
    <message>
        <source>Number of sales</source>
        <translation>Anzahl der Verkäufe</translation>
    </message>
    <message>
        <source>Revenue (sat)</source>
        <translation>Umsatz (sat)</translation>
    </message>
    <message>
        <source>Click a bar to list its sales in Activity</source>
        <translation>Auf einen Balken klicken, um seine Verkäufe im Verlauf zu zeigen</translation>
    </message>
    <message>
        <source>Click a cell to list its sales in Activity</source>
        <translation>Auf ein Feld klicken, um seine Verkäufe im Verlauf zu zeigen</translation>
    </message>
    <message>
        <source>Over time</source>
        <translation>Zeitverlauf</translation>
    </message>
    <message>
        <source>Weekday and hour</source>
        <translation>Wochentag und Uhrzeit</translation>
    </message>
    <message>
        <source>Mints over time</source>
        <translation>Mints im Zeitverlauf</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Gebühren</translation>
    </message>
    <message>
        <source>Success rate</source>
        <translation>Erfolgsquote</translation>
    </message>
    <message>
        <source>By mint</source>
        <translation>Nach Mint</translation>
    </message>
    <message>
        <source>By method</source>
        <translation>Nach Art</translation>
    </message>
    <message>
        <source>Refused, by reason</source>
        <translation>Abgelehnt, nach Grund</translation>
    </message>
    <message>
        <source>VAT by rate</source>
        <translation>MwSt. nach Satz</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Wird gezählt…</translation>
    </message>
    <message>
        <source>{first} to {last} ({zone}), compared with the period before</source>
        <translation>{first} bis {last} ({zone}), im Vergleich zum Zeitraum davor</translation>
    </message>
    <message>
        <source>{sat} in all ({change})</source>
        <translation>{sat} insgesamt ({change})</translation>
    </message>
    <message>
        <source>{settled} of {attempts} payments</source>
        <translation>{settled} von {attempts} Zahlungen</translation>
    </message>
    <message>
        <source>{sat} in all</source>
        <translation>{sat} insgesamt</translation>
    </message>
    <message>
        <source>{rates} rate(s): see VAT by rate</source>
        <translation>{rates} Satz/Sätze: siehe MwSt. nach Satz</translation>
    </message>
    <message>
        <source>Mint fees</source>
        <translation>Mint-Gebühren</translation>
    </message>
    <message>
        <source>Lightning fees</source>
        <translation>Lightning-Gebühren</translation>
    </message>
    <message>
        <source>sales</source>
        <translation>Verkäufe</translation>
    </message>
    <message>
        <source>{day} {hour}:00–{hour}:59, {first} to {last} ({zone})</source>
        <translation>{day} {hour}:00–{hour}:59, {first} bis {last} ({zone})</translation>
    </message>
    <message>
        <source>No reason recorded</source>
        <translation>Kein Grund vermerkt</translation>
    </message>
</context>
<context>
    <name>ApiAccessPanel</name>
    <message>
        <source>The API is served without encryption on the network: API keys and payments can be read by anyone on it.</source>
        <translation>Die API wird unverschlüsselt im Netzwerk angeboten: API-Schlüssel und Zahlungen kann dort jeder mitlesen.</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Blocked until</source>
        <translation>Gesperrt bis</translation>
    </message>
    <message>
        <source>Wrong keys</source>
        <translation>Falsche Schlüssel</translation>
    </message>
    <message>
        <source>Unblock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>Addresses blocked after repeated wrong keys</source>
        <translation>Nach wiederholt falschen Schlüsseln gesperrte Adressen</translation>
    </message>
    <message>
        <source>Served at {url}.</source>
        <translation>Erreichbar unter {url}.</translation>
    </message>
    <message>
        <source>Certificate fingerprint (SHA-256), to pin in the clients: {fingerprint}</source>
        <translation>Fingerabdruck des Zertifikats (SHA-256), in den Clients zu hinterlegen: {fingerprint}</translation>
    </message>
    <message>
        <source>{address} may call the API again.</source>
        <translation>{address} darf die API wieder aufrufen.</translation>
    </message>
</context>
<context>
    <name>ApiKeysPanel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Rechte</translation>
    </message>
    <message>
        <source>Starts with</source>
        <translation>Beginnt mit</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt benutzt</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Who uses it: web shop, kiosk…</source>
        <translation>Wer ihn nutzt: Online-Shop, Kiosk…</translation>
    </message>
    <message>
        <source>Last day (YYYY-MM-DD), or empty: no end</source>
        <translation>Letzter Tag (JJJJ-MM-TT), oder leer: kein Ende</translation>
    </message>
    <message>
        <source>Make key</source>
        <translation>Schlüssel erzeugen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>The new key, shown once:</source>
        <translation>Der neue Schlüssel, nur einmal gezeigt:</translation>
    </message>
    <message>
        <source>revoked {when}</source>
        <translation>widerrufen {when}</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>active until {day}</source>
        <translation>gültig bis {day}</translation>
    </message>
    <message>
        <source>active</source>
        <translation>gültig</translation>
    </message>
    <message>
        <source>Type the last day as 2027-06-30, or leave it empty.</source>
        <translation>Den letzten Tag als 2027-06-30 eingeben oder leer lassen.</translation>
    </message>
    <message>
        <source>Key {name} made. Copy it now: it is not shown again.</source>
        <translation>Schlüssel {name} erzeugt. Jetzt kopieren: er wird nicht noch einmal gezeigt.</translation>
    </message>
    <message>
        <source>Revoke key</source>
        <translation>Schlüssel widerrufen</translation>
    </message>
    <message>
        <source>Revoke {name}? Whatever uses it stops working at once.</source>
        <translation>{name} widerrufen? Was ihn nutzt, hört sofort auf zu funktionieren.</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>Key {name} revoked.</source>
        <translation>Schlüssel {name} widerrufen.</translation>
    </message>
</context>
<context>
    <name>AttentionModel</name>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Next retry</source>
        <translation>Nächster Versuch</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Verkauf</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
</context>
<context>
    <name>AttentionPanel</name>
    <message>
        <source>Needs attention</source>
        <translation>Braucht Aufmerksamkeit</translation>
    </message>
    <message>
        <source>Nothing needs attention.</source>
        <translation>Nichts braucht Aufmerksamkeit.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Dismiss…</source>
        <translation>Verwerfen …</translation>
    </message>
    <message>
        <source>Sale details</source>
        <translation>Verkaufsdetails</translation>
    </message>
    <message>
        <source>Accept…</source>
        <translation>Annehmen …</translation>
    </message>
    <message>
        <source>Credit this payment to its sale</source>
        <translation>Diese Zahlung ihrem Verkauf gutschreiben</translation>
    </message>
    <message>
        <source>Refund…</source>
        <translation>Erstatten…</translation>
    </message>
    <message>
        <source>Give the paid amount back as a token</source>
        <translation>Den bezahlten Betrag als Token zurückgeben</translation>
    </message>
    <message>
        <source>Needs attention ({count})</source>
        <translation>Braucht Aufmerksamkeit ({count})</translation>
    </message>
    <message>
        <source>Trying again…</source>
        <translation>Neuer Versuch …</translation>
    </message>
    <message>
        <source>Refund token made: {amount}.</source>
        <translation>Erstattungs-Token erstellt: {amount}.</translation>
    </message>
    <message>
        <source>Saving your decision…</source>
        <translation>Entscheidung wird gespeichert …</translation>
    </message>
    <message>
        <source>Accept the payment</source>
        <translation>Zahlung annehmen</translation>
    </message>
    <message>
        <source>Reject the payment</source>
        <translation>Zahlung ablehnen</translation>
    </message>
    <message>
        <source>Accepted: credited to the sale.</source>
        <translation>Angenommen: dem Verkauf gutgeschrieben.</translation>
    </message>
    <message>
        <source>Rejected.</source>
        <translation>Abgelehnt.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>Record the refund</source>
        <translation>Erstattung erfassen</translation>
    </message>
    <message>
        <source>Recorded as refunded.</source>
        <translation>Als erstattet vermerkt.</translation>
    </message>
    <message>
        <source>Dismissing…</source>
        <translation>Wird verworfen …</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Dismissed.</source>
        <translation>Verworfen.</translation>
    </message>
    <message>
        <source>Finished: {amount} recovered.</source>
        <translation>Fertig: {amount} zurückgeholt.</translation>
    </message>
    <message>
        <source>The mint is still working on it. Try again later.</source>
        <translation>Die Mint arbeitet noch daran. Später erneut versuchen.</translation>
    </message>
    <message>
        <source>Not yet: {reason}. The app keeps the token and will try again.</source>
        <translation>Noch nicht: {reason}. Die App behält den Token und versucht es wieder.</translation>
    </message>
    <message>
        <source>It could not be finished: {reason}.</source>
        <translation>Konnte nicht abgeschlossen werden: {reason}.</translation>
    </message>
    <message>
        <source>Nothing left to do.</source>
        <translation>Nichts mehr zu tun.</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Audit log</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>Action, or a family such as melt.</source>
        <translation>Aktion oder eine Gruppe wie melt.</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Check the log</source>
        <translation>Protokoll prüfen</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>The log holds: {n} entries, none changed, removed or added.</source>
        <translation>Das Protokoll enthält {n} Einträge, keiner geändert, entfernt oder hinzugefügt.</translation>
    </message>
    <message>
        <source>Last entry #{id}, {chain}.</source>
        <translation>Letzter Eintrag #{id}, {chain}.</translation>
    </message>
    <message>
        <source>Entry #{id} does not follow the one before it: the log was changed there (an entry edited, removed or added outside the app).</source>
        <translation>Eintrag #{id} passt nicht zum vorherigen: Das Protokoll wurde dort geändert (ein Eintrag außerhalb der App bearbeitet, entfernt oder hinzugefügt).</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Prüfprotokoll exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Saved: {name}</source>
        <translation>Gespeichert: {name}</translation>
    </message>
</context>
<context>
    <name>BasketPanel</name>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Add amount as line</source>
        <translation>Betrag als Position</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <source>Line discount</source>
        <translation>Zeilenrabatt</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Discount on %1</source>
        <translation>Rabatt auf %1</translation>
    </message>
    <message>
        <source>Discount %1: -%2</source>
        <translation>Rabatt %1: -%2</translation>
    </message>
    <message>
        <source>The discount is more than the basket: change it.</source>
        <translation>Der Rabatt ist höher als der Warenkorb: bitte ändern.</translation>
    </message>
    <message>
        <source>Total: %1 %2</source>
        <translation>Summe: %1 %2</translation>
    </message>
</context>
<context>
    <name>BulkExportDialog</name>
    <message>
        <source>Export everything</source>
        <translation>Alles exportieren</translation>
    </message>
    <message>
        <source>Export everything to a folder</source>
        <translation>Alles in einen Ordner exportieren</translation>
    </message>
    <message>
        <source>Each mint&apos;s ecash is saved as one token file, with a list of the files (manifest) beside them. Whoever has the files can spend the ecash: keep the drive safe.</source>
        <translation>Das Ecash jeder Mint wird als eine Token-Datei gespeichert, daneben eine Liste der Dateien (Manifest). Wer die Dateien hat, kann das Ecash ausgeben: Bewahren Sie das Laufwerk sicher auf.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Looking for a USB drive…</source>
        <translation>Suche nach einem USB-Laufwerk…</translation>
    </message>
    <message>
        <source>Only mints holding at least</source>
        <translation>Nur Mints mit mindestens</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>USB drive found: {path}</source>
        <translation>USB-Laufwerk gefunden: {path}</translation>
    </message>
    <message>
        <source>No USB drive found: the files go to this folder.</source>
        <translation>Kein USB-Laufwerk gefunden: Die Dateien kommen in diesen Ordner.</translation>
    </message>
    <message>
        <source>Export to folder</source>
        <translation>In Ordner exportieren</translation>
    </message>
    <message>
        <source>Choose a folder first.</source>
        <translation>Wählen Sie zuerst einen Ordner.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Wird exportiert…</translation>
    </message>
    <message>
        <source>Done: {n} file(s) written and synced.</source>
        <translation>Fertig: {n} Datei(en) geschrieben und gesichert.</translation>
    </message>
    <message>
        <source>Manifest: {path}</source>
        <translation>Manifest: {path}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>CameraTestPage</name>
    <message>
        <source>Camera test</source>
        <translation>Kameratest</translation>
    </message>
    <message>
        <source>The camera reads the customers&apos; ecash. Hold a QR code in front of it: this page&apos;s code photographed with a phone, or any other.</source>
        <translation>Die Kamera liest das Ecash der Kunden. Halten Sie einen QR-Code davor: den Code dieser Seite, mit einem Telefon fotografiert, oder einen anderen.</translation>
    </message>
    <message>
        <source>The test code</source>
        <translation>Der Testcode</translation>
    </message>
    <message>
        <source>No camera yet? Go on: the till also takes pasted tokens, and the camera can be chosen later in Settings, Devices.</source>
        <translation>Noch keine Kamera? Weiter: die Kasse nimmt auch eingefügte Tokens an, und die Kamera lässt sich später unter Einstellungen, Geräte wählen.</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>Kamera wird gestartet…</translation>
    </message>
    <message>
        <source>Looking for a code…</source>
        <translation>Suche nach einem Code…</translation>
    </message>
    <message>
        <source>The camera read the test code: it is ready.</source>
        <translation>Die Kamera hat den Testcode gelesen: sie ist bereit.</translation>
    </message>
    <message>
        <source>The camera read a code ({text}): it is ready.</source>
        <translation>Die Kamera hat einen Code gelesen ({text}): sie ist bereit.</translation>
    </message>
    <message>
        <source>No picture</source>
        <translation>Kein Bild</translation>
    </message>
    <message>
        <source>The camera could not be used: {error} Choose another camera, or go on and test it later.</source>
        <translation>Die Kamera ließ sich nicht verwenden: {error} Wählen Sie eine andere Kamera, oder machen Sie weiter und testen Sie sie später.</translation>
    </message>
    <message>
        <source>Camera: {name}, read a code</source>
        <translation>Kamera: {name}, hat einen Code gelesen</translation>
    </message>
    <message>
        <source>Camera: {name}, could not be opened (test it later)</source>
        <translation>Kamera: {name}, ließ sich nicht öffnen (später testen)</translation>
    </message>
    <message>
        <source>Camera: {name}, not tested</source>
        <translation>Kamera: {name}, nicht getestet</translation>
    </message>
</context>
<context>
    <name>CameraView</name>
    <message>
        <source>Starting the camera…</source>
        <translation>Kamera startet …</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message>
        <source>Check your backup</source>
        <translation>Sicherung prüfen</translation>
    </message>
    <message>
        <source>Type these words from your paper, to make sure it is right.</source>
        <translation>Tippen Sie diese Wörter von Ihrem Zettel ab, um sicherzugehen, dass er stimmt.</translation>
    </message>
    <message>
        <source>Word #{n}</source>
        <translation>Wort Nr. {n}</translation>
    </message>
    <message>
        <source>This is not word #{n}. Check your paper.</source>
        <translation>Das ist nicht Wort Nr. {n}. Prüfen Sie Ihren Zettel.</translation>
    </message>
</context>
<context>
    <name>CoreFormDialog</name>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>Countdown</name>
    <message>
        <source>Price locked for {left}</source>
        <translation>Preis gilt noch {left}</translation>
    </message>
    <message>
        <source>Price lock ended</source>
        <translation>Preisbindung abgelaufen</translation>
    </message>
</context>
<context>
    <name>Currency</name>
    <message>
        <source>Bitcoin</source>
        <translation>Bitcoin</translation>
    </message>
    <message>
        <source>Euro</source>
        <translation>Euro</translation>
    </message>
    <message>
        <source>US dollar</source>
        <translation>US-Dollar</translation>
    </message>
    <message>
        <source>British pound</source>
        <translation>Britisches Pfund</translation>
    </message>
    <message>
        <source>Swiss franc</source>
        <translation>Schweizer Franken</translation>
    </message>
    <message>
        <source>Japanese yen</source>
        <translation>Japanischer Yen</translation>
    </message>
    <message>
        <source>Canadian dollar</source>
        <translation>Kanadischer Dollar</translation>
    </message>
    <message>
        <source>Australian dollar</source>
        <translation>Australischer Dollar</translation>
    </message>
    <message>
        <source>New Zealand dollar</source>
        <translation>Neuseeland-Dollar</translation>
    </message>
    <message>
        <source>Swedish krona</source>
        <translation>Schwedische Krone</translation>
    </message>
    <message>
        <source>Norwegian krone</source>
        <translation>Norwegische Krone</translation>
    </message>
    <message>
        <source>Danish krone</source>
        <translation>Dänische Krone</translation>
    </message>
    <message>
        <source>Polish zloty</source>
        <translation>Polnischer Złoty</translation>
    </message>
    <message>
        <source>Czech koruna</source>
        <translation>Tschechische Krone</translation>
    </message>
    <message>
        <source>Hungarian forint</source>
        <translation>Ungarischer Forint</translation>
    </message>
    <message>
        <source>Romanian leu</source>
        <translation>Rumänischer Leu</translation>
    </message>
    <message>
        <source>Turkish lira</source>
        <translation>Türkische Lira</translation>
    </message>
    <message>
        <source>Ukrainian hryvnia</source>
        <translation>Ukrainische Hrywnja</translation>
    </message>
    <message>
        <source>Mexican peso</source>
        <translation>Mexikanischer Peso</translation>
    </message>
    <message>
        <source>Brazilian real</source>
        <translation>Brasilianischer Real</translation>
    </message>
    <message>
        <source>Argentine peso</source>
        <translation>Argentinischer Peso</translation>
    </message>
    <message>
        <source>Chilean peso</source>
        <translation>Chilenischer Peso</translation>
    </message>
    <message>
        <source>Colombian peso</source>
        <translation>Kolumbianischer Peso</translation>
    </message>
    <message>
        <source>Peruvian sol</source>
        <translation>Peruanischer Sol</translation>
    </message>
    <message>
        <source>South African rand</source>
        <translation>Südafrikanischer Rand</translation>
    </message>
    <message>
        <source>Nigerian naira</source>
        <translation>Nigerianischer Naira</translation>
    </message>
    <message>
        <source>Kenyan shilling</source>
        <translation>Kenia-Schilling</translation>
    </message>
    <message>
        <source>Indian rupee</source>
        <translation>Indische Rupie</translation>
    </message>
    <message>
        <source>Chinese yuan</source>
        <translation>Chinesischer Yuan</translation>
    </message>
    <message>
        <source>Hong Kong dollar</source>
        <translation>Hongkong-Dollar</translation>
    </message>
    <message>
        <source>Singapore dollar</source>
        <translation>Singapur-Dollar</translation>
    </message>
    <message>
        <source>South Korean won</source>
        <translation>Südkoreanischer Won</translation>
    </message>
    <message>
        <source>Thai baht</source>
        <translation>Thailändischer Baht</translation>
    </message>
    <message>
        <source>Philippine peso</source>
        <translation>Philippinischer Peso</translation>
    </message>
    <message>
        <source>Indonesian rupiah</source>
        <translation>Indonesische Rupiah</translation>
    </message>
    <message>
        <source>UAE dirham</source>
        <translation>VAE-Dirham</translation>
    </message>
    <message>
        <source>Israeli shekel</source>
        <translation>Israelischer Schekel</translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <source>Customer display</source>
        <translation>Kundenanzeige</translation>
    </message>
    <message>
        <source>TRAINING - practice only, do not pay</source>
        <translation>TRAINING - nur zur Übung, nicht bezahlen</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <source>Your basket</source>
        <translation>Ihr Warenkorb</translation>
    </message>
    <message>
        <source>Scan with your Cashu wallet, or show your token to the camera.</source>
        <translation>Mit Ihrer Cashu-Wallet scannen oder Ihren Token in die Kamera halten.</translation>
    </message>
    <message>
        <source>Checking your payment…</source>
        <translation>Ihre Zahlung wird geprüft …</translation>
    </message>
    <message>
        <source>Paid, thank you</source>
        <translation>Bezahlt, danke</translation>
    </message>
    <message>
        <source>Thank you. {left} still to pay: please show another token.</source>
        <translation>Danke. Noch {left} zu zahlen: bitte einen weiteren Token zeigen.</translation>
    </message>
    <message>
        <source>This token was not accepted. Please show another one.</source>
        <translation>Dieser Token wurde nicht angenommen. Bitte einen anderen zeigen.</translation>
    </message>
    <message>
        <source>Your token was received. The shop confirms it shortly.</source>
        <translation>Ihr Token ist angekommen. Der Laden bestätigt ihn gleich.</translation>
    </message>
    <message>
        <source>Please wait: the cashier is checking your payment.</source>
        <translation>Bitte warten: Ihre Zahlung wird an der Kasse geprüft.</translation>
    </message>
    <message>
        <source>Your token could not be redeemed. Please pay again.</source>
        <translation>Ihr Token konnte nicht eingelöst werden. Bitte zahlen Sie erneut.</translation>
    </message>
    <message>
        <source>This price has expired. The cashier starts a new sale.</source>
        <translation>Dieser Preis ist abgelaufen. Die Kasse startet einen neuen Verkauf.</translation>
    </message>
    <message>
        <source>Your change: scan it with your wallet</source>
        <translation>Ihr Wechselgeld: mit Ihrer Wallet scannen</translation>
    </message>
</context>
<context>
    <name>CustomerWalletWindow</name>
    <message>
        <source>Customer wallet - TRAINING</source>
        <translation>Kunden-Wallet - TRAINING</translation>
    </message>
    <message>
        <source>TRAINING - the customer&apos;s phone, play money</source>
        <translation>TRAINING - das Telefon des Kunden, Spielgeld</translation>
    </message>
    <message>
        <source>Pay: show a QR code</source>
        <translation>Bezahlen: QR-Code zeigen</translation>
    </message>
    <message>
        <source>Pay: show an animated QR</source>
        <translation>Bezahlen: animierten QR zeigen</translation>
    </message>
    <message>
        <source>Copy the token</source>
        <translation>Token kopieren</translation>
    </message>
    <message>
        <source>The same token again</source>
        <translation>Derselbe Token noch einmal</translation>
    </message>
    <message>
        <source>1 sat too little</source>
        <translation>1 Sat zu wenig</translation>
    </message>
    <message>
        <source>From an unknown mint</source>
        <translation>Von einer unbekannten Mint</translation>
    </message>
    <message>
        <source>Mint down 1 minute</source>
        <translation>Mint 1 Minute aus</translation>
    </message>
    <message>
        <source>The till&apos;s camera sees this screen</source>
        <translation>Die Kamera der Kasse sieht diesen Bildschirm</translation>
    </message>
    <message>
        <source>Practise a problem</source>
        <translation>Ein Problem üben</translation>
    </message>
    <message>
        <source>No sale at the till: type an amount there and Charge.</source>
        <translation>Kein Verkauf an der Kasse: dort einen Betrag eingeben und Kassieren.</translation>
    </message>
    <message>
        <source>The till asks for {due} sat.</source>
        <translation>Die Kasse verlangt {due} Sat.</translation>
    </message>
    <message>
        <source>Mint back in {s} s</source>
        <translation>Mint zurück in {s} s</translation>
    </message>
    <message>
        <source>Paying…</source>
        <translation>Zahlt…</translation>
    </message>
    <message>
        <source>The customer&apos;s wallet cannot reach the training mint (is it stopped?).</source>
        <translation>Die Wallet des Kunden erreicht die Trainings-Mint nicht (ist sie gestoppt?).</translation>
    </message>
    <message>
        <source>Showing the token as an animated code: hold it up to the till.</source>
        <translation>Der Token wird als animierter Code gezeigt: vor die Kasse halten.</translation>
    </message>
    <message>
        <source>Showing the token: hold it up to the till.</source>
        <translation>Der Token wird gezeigt: vor die Kasse halten.</translation>
    </message>
    <message>
        <source>Token copied: paste it at the till.</source>
        <translation>Token kopiert: an der Kasse einfügen.</translation>
    </message>
    <message>
        <source>The training mint is stopped. The till keeps a token it cannot redeem now and redeems it when the mint is back.</source>
        <translation>Die Trainings-Mint ist gestoppt. Die Kasse behält einen Token, den sie jetzt nicht einlösen kann, und löst ihn ein, sobald die Mint zurück ist.</translation>
    </message>
    <message>
        <source>The training mint is back.</source>
        <translation>Die Trainings-Mint ist zurück.</translation>
    </message>
</context>
<context>
    <name>DeliveryDialog</name>
    <message>
        <source>Webhook delivery {id}</source>
        <translation>Webhook-Zustellung {id}</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>The receiver sent no answer body.</source>
        <translation>Der Empfänger hat keinen Antworttext gesendet.</translation>
    </message>
    <message>
        <source>Redeliver</source>
        <translation>Erneut zustellen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>What the receiver answered (first 2 kB)</source>
        <translation>Was der Empfänger geantwortet hat (erste 2 kB)</translation>
    </message>
    <message>
        <source>Event: {type}</source>
        <translation>Ereignis: {type}</translation>
    </message>
    <message>
        <source>State: {state}, {attempts} attempt(s)</source>
        <translation>Status: {state}, {attempts} Versuch(e)</translation>
    </message>
    <message>
        <source>Next attempt: {when}</source>
        <translation>Nächster Versuch: {when}</translation>
    </message>
    <message>
        <source>Delivered: {when}</source>
        <translation>Zugestellt: {when}</translation>
    </message>
    <message>
        <source>{ms} ms</source>
        <translation>{ms} ms</translation>
    </message>
</context>
<context>
    <name>DiscountDialog</name>
    <message>
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <source>10% or 2.50</source>
        <translation>10% oder 2.50</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>DismissDialog</name>
    <message>
        <source>Accept payment</source>
        <translation>Zahlung annehmen</translation>
    </message>
    <message>
        <source>The payment ({amount}) will be credited to its sale. Why do you accept it?</source>
        <translation>Die Zahlung ({amount}) wird ihrem Verkauf gutgeschrieben. Warum nehmen Sie sie an?</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Annehmen</translation>
    </message>
    <message>
        <source>Refunded another way</source>
        <translation>Anders erstattet</translation>
    </message>
    <message>
        <source>The refund of {amount} is recorded as given, and leaves the list. How was the customer refunded?</source>
        <translation>Die Erstattung von {amount} wird als erledigt vermerkt und verschwindet aus der Liste. Wie wurde der Kunde erstattet?</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Vermerken</translation>
    </message>
    <message>
        <source>Close failed payment</source>
        <translation>Fehlgeschlagene Zahlung schließen</translation>
    </message>
    <message>
        <source>The failed payment ({amount}) leaves the list; the sale is not credited. Nothing is deleted. How was it settled?</source>
        <translation>Die fehlgeschlagene Zahlung ({amount}) verschwindet aus der Liste; der Verkauf wird nicht gutgeschrieben. Nichts wird gelöscht. Wie wurde es geklärt?</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Reject payment</source>
        <translation>Zahlung ablehnen</translation>
    </message>
    <message>
        <source>The payment ({amount}) will be closed without crediting the sale. Nothing is deleted. Why is it rejected?</source>
        <translation>Die Zahlung ({amount}) wird ohne Gutschrift geschlossen. Nichts wird gelöscht. Warum wird sie abgelehnt?</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>The app will stop trying to finish this operation ({amount}). Nothing is deleted: the token and the record stay. Why is it dismissed?</source>
        <translation>Die App versucht nicht mehr, diesen Vorgang ({amount}) abzuschließen. Nichts wird gelöscht: Token und Eintrag bleiben. Warum wird er verworfen?</translation>
    </message>
    <message>
        <source>For example: refunded the customer in cash</source>
        <translation>Zum Beispiel: dem Kunden bar erstattet</translation>
    </message>
</context>
<context>
    <name>EndOfDayDialog</name>
    <message>
        <source>End of day</source>
        <translation>Tagesabschluss</translation>
    </message>
    <message>
        <source>Now (X report)</source>
        <translation>Jetzt (X-Bericht)</translation>
    </message>
    <message>
        <source>The figures and the drawer since the last Z report</source>
        <translation>Die Zahlen und die Kasse seit dem letzten Z-Bericht</translation>
    </message>
    <message>
        <source>Close the day (Z report)…</source>
        <translation>Tag abschließen (Z-Bericht)…</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>PDF speichern…</translation>
    </message>
    <message>
        <source>Save CSV…</source>
        <translation>CSV speichern…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>This till</source>
        <translation>Diese Kasse</translation>
    </message>
    <message>
        <source>Whole shop</source>
        <translation>Ganzer Laden</translation>
    </message>
    <message>
        <source>This till: its own sales and Z reports. Whole shop: every till&apos;s sales and the ecash drawer, with the shop&apos;s own Z reports.</source>
        <translation>Diese Kasse: ihre eigenen Verkäufe und Z-Berichte. Ganzer Laden: die Verkäufe aller Kassen und die Ecash-Kasse, mit den eigenen Z-Berichten des Ladens.</translation>
    </message>
    <message>
        <source>Z reports</source>
        <translation>Z-Berichte</translation>
    </message>
    <message>
        <source>Counting, and checking the drawer at the mints…</source>
        <translation>Zähle und prüfe die Kasse bei den Mints…</translation>
    </message>
    <message>
        <source>This X report changes nothing. Close the day to keep it.</source>
        <translation>Dieser X-Bericht ändert nichts. Schließen Sie den Tag ab, um ihn aufzubewahren.</translation>
    </message>
    <message>
        <source>Z {number} · {closed} · {sales} sales</source>
        <translation>Z {number} · {closed} · {sales} Verkäufe</translation>
    </message>
    <message>
        <source>CHANGED</source>
        <translation>GEÄNDERT</translation>
    </message>
    <message>
        <source>This report no longer matches its digest: it was changed.</source>
        <translation>Dieser Bericht passt nicht mehr zu seiner Prüfsumme: er wurde geändert.</translation>
    </message>
    <message>
        <source>Z report {number}, closed.</source>
        <translation>Z-Bericht {number}, abgeschlossen.</translation>
    </message>
    <message>
        <source>Close the day</source>
        <translation>Tag abschließen</translation>
    </message>
    <message>
        <source>Close the whole shop&apos;s period with a shop Z report? It counts every till&apos;s sales and the ecash drawer, gets the shop&apos;s next number, is kept unchangeable, and the sales in it can no longer change.</source>
        <translation>Den Zeitraum des ganzen Ladens mit einem Laden-Z-Bericht abschließen? Er zählt die Verkäufe aller Kassen und die Ecash-Kasse, erhält die nächste Nummer des Ladens, bleibt unveränderlich, und die Verkäufe darin können sich nicht mehr ändern.</translation>
    </message>
    <message>
        <source>Close the period with a Z report? It gets the next number, is kept unchangeable, and the sales in it can no longer change.</source>
        <translation>Den Zeitraum mit einem Z-Bericht abschließen? Er erhält die nächste Nummer, bleibt unveränderlich, und seine Verkäufe können sich nicht mehr ändern.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Closing the day…</source>
        <translation>Schließe den Tag ab…</translation>
    </message>
    <message>
        <source>Z report {number} is closed.</source>
        <translation>Z-Bericht {number} ist abgeschlossen.</translation>
    </message>
    <message>
        <source>Nothing happened since Z report {number}: nothing was closed.</source>
        <translation>Seit Z-Bericht {number} ist nichts passiert: nichts wurde abgeschlossen.</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Bericht speichern</translation>
    </message>
    <message>
        <source>Saved to {file}</source>
        <translation>Gespeichert unter {file}</translation>
    </message>
</context>
<context>
    <name>ExportBar</name>
    <message>
        <source>Payments (CSV)…</source>
        <translation>Zahlungen (CSV)…</translation>
    </message>
    <message>
        <source>Daily summary (CSV)…</source>
        <translation>Tagesübersicht (CSV)…</translation>
    </message>
    <message>
        <source>Report (PDF)…</source>
        <translation>Bericht (PDF)…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Writing {name}…</source>
        <translation>{name} wird geschrieben…</translation>
    </message>
    <message>
        <source>Saved {name} ({n} pages)</source>
        <translation>{name} gespeichert ({n} Seiten)</translation>
    </message>
    <message>
        <source>Saved {name} ({n} rows)</source>
        <translation>{name} gespeichert ({n} Zeilen)</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export ecash</source>
        <translation>E-Cash exportieren</translation>
    </message>
    <message>
        <source>Export ecash to a file</source>
        <translation>E-Cash in eine Datei exportieren</translation>
    </message>
    <message>
        <source>The token is saved as a text file, with a QR picture beside it. Whoever has the file can spend the ecash, so keep it safe, or lock it to the recipient&apos;s key so that only they can redeem it.</source>
        <translation>Der Token wird als Textdatei gespeichert, mit einem QR-Bild daneben. Wer die Datei hat, kann das E-Cash ausgeben: bewahren Sie sie sicher auf oder sperren Sie sie auf den Schlüssel des Empfängers, damit nur er sie einlösen kann.</translation>
    </message>
    <message>
        <source>Optional: the recipient&apos;s public key (66 hex)</source>
        <translation>Optional: öffentlicher Schlüssel des Empfängers (66 Hex-Zeichen)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Wählen …</translation>
    </message>
    <message>
        <source>Looking for a USB drive…</source>
        <translation>USB-Stick wird gesucht …</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Mint</source>
        <translation>Mint</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Lock to key</source>
        <translation>Auf Schlüssel sperren</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>There is no ecash to export yet.</source>
        <translation>Noch kein E-Cash zum Exportieren.</translation>
    </message>
    <message>
        <source>USB drive found: {path}</source>
        <translation>USB-Stick gefunden: {path}</translation>
    </message>
    <message>
        <source>No USB drive found: the file goes to this folder.</source>
        <translation>Kein USB-Stick gefunden: die Datei kommt in diesen Ordner.</translation>
    </message>
    <message>
        <source>Export to folder</source>
        <translation>In Ordner exportieren</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Wird exportiert …</translation>
    </message>
    <message>
        <source>Choose a folder that exists (is the USB drive plugged in?).</source>
        <translation>Wählen Sie einen vorhandenen Ordner (ist der USB-Stick eingesteckt?).</translation>
    </message>
    <message>
        <source>Exported {amount}</source>
        <translation>{amount} exportiert</translation>
    </message>
    <message>
        <source>Saved to: {path}</source>
        <translation>Gespeichert unter: {path}</translation>
    </message>
    <message>
        <source>Locked to: {key}</source>
        <translation>Gesperrt auf: {key}</translation>
    </message>
    <message>
        <source>Mint fee: {fee}</source>
        <translation>Mint-Gebühr: {fee}</translation>
    </message>
</context>
<context>
    <name>ExportHistory</name>
    <message>
        <source>Exported tokens</source>
        <translation>Exportierte Token</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Mint</source>
        <translation>Mint</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>No token was exported yet.</source>
        <translation>Noch kein Token exportiert.</translation>
    </message>
    <message>
        <source>Check claims</source>
        <translation>Einlösungen prüfen</translation>
    </message>
    <message>
        <source>Ask the mints which of the unclaimed exports were redeemed since.</source>
        <translation>Bei den Mints nachfragen, welche offenen Exporte inzwischen eingelöst wurden.</translation>
    </message>
    <message>
        <source>Show QR…</source>
        <translation>QR zeigen…</translation>
    </message>
    <message>
        <source>Take back…</source>
        <translation>Zurückholen…</translation>
    </message>
    <message>
        <source>The stick was lost: put what nobody redeemed back into the wallet. The token on the stick stops working.</source>
        <translation>Der Stick ist verloren: Was niemand eingelöst hat, zurück in die Wallet holen. Der Token auf dem Stick wird ungültig.</translation>
    </message>
    <message>
        <source>Export everything…</source>
        <translation>Alles exportieren…</translation>
    </message>
    <message>
        <source>Every mint&apos;s ecash to a folder: one file each, with a list of the files.</source>
        <translation>Das Ecash jeder Mint in einen Ordner: je eine Datei, mit einer Liste der Dateien.</translation>
    </message>
    <message>
        <source>File: {path}</source>
        <translation>Datei: {path}</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Wechselgeld</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Erstattung</translation>
    </message>
    <message>
        <source>{kind}, locked</source>
        <translation>{kind}, gesperrt</translation>
    </message>
    <message>
        <source>Being taken back…</source>
        <translation>Wird zurückgeholt…</translation>
    </message>
    <message>
        <source>Partly claimed ({claimed})</source>
        <translation>Teilweise eingelöst ({claimed})</translation>
    </message>
    <message>
        <source>Taken back ({claimed} claimed before)</source>
        <translation>Zurückgeholt ({claimed} vorher eingelöst)</translation>
    </message>
    <message>
        <source>Not claimed yet</source>
        <translation>Noch nicht eingelöst</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>Eingelöst</translation>
    </message>
    <message>
        <source>Taken back</source>
        <translation>Zurückgeholt</translation>
    </message>
    <message>
        <source>Checking with the mints…</source>
        <translation>Abgleich mit den Mints…</translation>
    </message>
    <message>
        <source>{n} export(s) were claimed.</source>
        <translation>{n} Export(e) wurden eingelöst.</translation>
    </message>
    <message>
        <source>{n} export(s) were partly claimed.</source>
        <translation>{n} Export(e) wurden teilweise eingelöst.</translation>
    </message>
    <message>
        <source>No new claims.</source>
        <translation>Keine neuen Einlösungen.</translation>
    </message>
    <message>
        <source>{mint} could not be checked: {reason}.</source>
        <translation>{mint} konnte nicht geprüft werden: {reason}.</translation>
    </message>
    <message>
        <source>Take back</source>
        <translation>Zurückholen</translation>
    </message>
    <message>
        <source>Take back the export of {amount} from {when}?</source>
        <translation>Den Export über {amount} vom {when} zurückholen?</translation>
    </message>
    <message>
        <source>What nobody redeemed comes back into the wallet, minus the mint&apos;s fee. The token on the stick or paper stops working: do this only when it was lost.</source>
        <translation>Was niemand eingelöst hat, kommt abzüglich der Gebühr der Mint zurück in die Wallet. Der Token auf dem Stick oder Papier wird ungültig: Nur tun, wenn er verloren ist.</translation>
    </message>
    <message>
        <source>Keep it out</source>
        <translation>Draußen lassen</translation>
    </message>
    <message>
        <source>Taking the export back…</source>
        <translation>Export wird zurückgeholt…</translation>
    </message>
    <message>
        <source>Taken back: {amount} (mint fee {fee}).</source>
        <translation>Zurückgeholt: {amount} (Gebühr der Mint {fee}).</translation>
    </message>
    <message>
        <source>{claimed} had been claimed before.</source>
        <translation>{claimed} waren vorher eingelöst worden.</translation>
    </message>
</context>
<context>
    <name>ExportSettingsDialog</name>
    <message>
        <source>Export settings</source>
        <translation>Einstellungen exportieren</translation>
    </message>
    <message>
        <source>Every setting is written to a file that another till can import. The seed, the ecash and the database key are never in it.</source>
        <translation>Alle Einstellungen werden in eine Datei geschrieben, die eine andere Kasse importieren kann. Seed, Ecash und Datenbankschlüssel sind nie enthalten.</translation>
    </message>
    <message>
        <source>Include the webhook secrets (encrypted)</source>
        <translation>Webhook-Geheimnisse einschließen (verschlüsselt)</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Type a passphrase to protect the secrets.</source>
        <translation>Geben Sie eine Passphrase ein, um die Geheimnisse zu schützen.</translation>
    </message>
    <message>
        <source>The passphrases differ.</source>
        <translation>Die Passphrasen stimmen nicht überein.</translation>
    </message>
    <message>
        <source>Export settings to</source>
        <translation>Einstellungen exportieren nach</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Wird exportiert…</translation>
    </message>
    <message>
        <source>Exported {n} settings to {path}.</source>
        <translation>{n} Einstellungen nach {path} exportiert.</translation>
    </message>
</context>
<context>
    <name>ExportTokenDialog</name>
    <message>
        <source>Exported token</source>
        <translation>Exportierter Token</translation>
    </message>
    <message>
        <source>Reading the token…</source>
        <translation>Token wird gelesen…</translation>
    </message>
    <message>
        <source>Save to a file…</source>
        <translation>In eine Datei speichern…</translation>
    </message>
    <message>
        <source>Exported on {when} at {mint}</source>
        <translation>Exportiert am {when} bei {mint}</translation>
    </message>
    <message>
        <source>Saved to: {path}</source>
        <translation>Gespeichert unter: {path}</translation>
    </message>
    <message>
        <source>{claimed} of {amount} were claimed already; this token holds the rest.</source>
        <translation>{claimed} von {amount} wurden schon eingelöst; dieser Token enthält den Rest.</translation>
    </message>
    <message>
        <source>Unclaimed: {amount}</source>
        <translation>Nicht eingelöst: {amount}</translation>
    </message>
    <message>
        <source>The token cannot be shown</source>
        <translation>Der Token kann nicht gezeigt werden</translation>
    </message>
    <message>
        <source>Save the token to a folder</source>
        <translation>Token in einen Ordner speichern</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
</context>
<context>
    <name>FeesPage</name>
    <message>
        <source>Fees and limits</source>
        <translation>Gebühren und Grenzen</translation>
    </message>
    <message>
        <source>What a payment may cost the shop, and how large a sale may be.</source>
        <translation>Was eine Zahlung den Laden kosten darf und wie groß ein Verkauf sein darf.</translation>
    </message>
</context>
<context>
    <name>FileField</name>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
</context>
<context>
    <name>HealthPage</name>
    <message>
        <source>Mint</source>
        <translation>Mint</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last check</source>
        <translation>Letzte Prüfung</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Available (24 h)</source>
        <translation>Erreichbar (24 h)</translation>
    </message>
    <message>
        <source>Usual / slow answer (24 h)</source>
        <translation>Üblich / langsam (24 h)</translation>
    </message>
    <message>
        <source>Available (7 days)</source>
        <translation>Erreichbar (7 Tage)</translation>
    </message>
    <message>
        <source>Usual / slow answer (7 days)</source>
        <translation>Üblich / langsam (7 Tage)</translation>
    </message>
    <message>
        <source>How long the mint took to answer the last check.</source>
        <translation>Wie lange die Mint bei der letzten Prüfung für die Antwort brauchte.</translation>
    </message>
    <message>
        <source>Share of checks the mint answered.</source>
        <translation>Anteil der Prüfungen, auf die die Mint geantwortet hat.</translation>
    </message>
    <message>
        <source>Usual: half of the answers were faster (median, p50). Slow: 19 of 20 answers were faster (95th percentile, p95).</source>
        <translation>Üblich: die Hälfte der Antworten war schneller (Median, p50). Langsam: 19 von 20 Antworten waren schneller (95. Perzentil, p95).</translation>
    </message>
    <message>
        <source>Mints</source>
        <translation>Mints</translation>
    </message>
    <message>
        <source>Mint health</source>
        <translation>Zustand der Mints</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>Jetzt prüfen</translation>
    </message>
    <message>
        <source>No trusted mint yet. Add one in Settings.</source>
        <translation>Noch keine vertrauenswürdige Mint. Fügen Sie eine in den Einstellungen hinzu.</translation>
    </message>
    <message numerus="yes">
        <source>%n mint(s) offline. Tokens from them are kept and retried.</source>
        <translation>
            <numerusform>%n Mint offline. Ihre Tokens werden aufbewahrt und erneut versucht.</numerusform>
            <numerusform>%n Mints offline. Ihre Tokens werden aufbewahrt und erneut versucht.</numerusform>
        </translation>
    </message>
    <message>
        <source>All trusted mints answer.</source>
        <translation>Alle vertrauenswürdigen Mints antworten.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import ecash</source>
        <translation>E-Cash importieren</translation>
    </message>
    <message>
        <source>Paste a token, scan its QR code, or open a token file.</source>
        <translation>Token einfügen, seinen QR-Code scannen oder eine Token-Datei öffnen.</translation>
    </message>
    <message>
        <source>cashuB… (Ctrl+V to paste)</source>
        <translation>cashuB… (Strg+V zum Einfügen)</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Scannen</translation>
    </message>
    <message>
        <source>Open file…</source>
        <translation>Datei öffnen …</translation>
    </message>
    <message>
        <source>Open folder…</source>
        <translation>Ordner öffnen…</translation>
    </message>
    <message>
        <source>Import every token file of a folder (an export of everything, say).</source>
        <translation>Jede Token-Datei eines Ordners importieren (etwa einen Export von allem).</translation>
    </message>
    <message>
        <source>Receive</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Strg+Enter</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Open a token file</source>
        <translation>Token-Datei öffnen</translation>
    </message>
    <message>
        <source>Token files (*.txt);;All files (*)</source>
        <translation>Token-Dateien (*.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>{name} wird gelesen …</translation>
    </message>
    <message>
        <source>Open a folder of token files</source>
        <translation>Einen Ordner mit Token-Dateien öffnen</translation>
    </message>
    <message>
        <source>Importing the files of {name}…</source>
        <translation>Die Dateien von {name} werden importiert…</translation>
    </message>
    <message>
        <source>received {amount}</source>
        <translation>{amount} erhalten</translation>
    </message>
    <message>
        <source>taken back into the wallet: {amount}</source>
        <translation>in die Wallet zurückgeholt: {amount}</translation>
    </message>
    <message>
        <source>imported before, skipped</source>
        <translation>schon früher importiert, übersprungen</translation>
    </message>
    <message>
        <source>already spent</source>
        <translation>schon ausgegeben</translation>
    </message>
    <message>
        <source>the mint did not answer; it is redeemed later</source>
        <translation>die Mint hat nicht geantwortet; er wird später eingelöst</translation>
    </message>
    <message>
        <source>In all: {amount}</source>
        <translation>Insgesamt: {amount}</translation>
    </message>
    <message>
        <source>Stop scanning</source>
        <translation>Scannen beenden</translation>
    </message>
    <message>
        <source>Paste, scan or open a token first.</source>
        <translation>Zuerst einen Token einfügen, scannen oder öffnen.</translation>
    </message>
    <message>
        <source>Redeeming at the mint…</source>
        <translation>Wird bei der Mint eingelöst …</translation>
    </message>
    <message>
        <source>Received {amount} at {mint}.</source>
        <translation>{amount} bei {mint} erhalten.</translation>
    </message>
    <message>
        <source>The mint kept {fee} as its fee.</source>
        <translation>Die Mint hat {fee} als Gebühr behalten.</translation>
    </message>
</context>
<context>
    <name>ImportSettingsDialog</name>
    <message>
        <source>Import settings</source>
        <translation>Einstellungen importieren</translation>
    </message>
    <message>
        <source>Only when the file holds secrets</source>
        <translation>Nur wenn die Datei Geheimnisse enthält</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>No file chosen.</source>
        <translation>Keine Datei gewählt.</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Datei wählen…</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <source>From the file</source>
        <translation>Aus der Datei</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Import settings from</source>
        <translation>Einstellungen importieren aus</translation>
    </message>
    <message>
        <source>The file cannot be read: {reason}</source>
        <translation>Die Datei kann nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <source>The file holds the settings this till already has.</source>
        <translation>Die Datei enthält die Einstellungen, die diese Kasse bereits hat.</translation>
    </message>
    <message>
        <source>{n} setting(s) will change.</source>
        <translation>{n} Einstellung(en) werden geändert.</translation>
    </message>
    <message>
        <source>Not known to this version, left out: {keys}.</source>
        <translation>Dieser Version unbekannt, ausgelassen: {keys}.</translation>
    </message>
    <message>
        <source>The file holds secrets: type its passphrase to import them.</source>
        <translation>Die Datei enthält Geheimnisse: Geben Sie ihre Passphrase ein, um sie zu importieren.</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <source>Optional, e.g. COFFEE-L</source>
        <translation>Optional, z. B. KAFFEE-L</translation>
    </message>
    <message>
        <source>Optional: a tab of quick keys</source>
        <translation>Optional: ein Reiter mit Schnelltasten</translation>
    </message>
    <message>
        <source>Shop default ({rate} %)</source>
        <translation>Standard des Geschäfts ({rate} %)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Wählen…</translation>
    </message>
    <message>
        <source>On sale (a quick key on the Sell page)</source>
        <translation>Im Verkauf (eine Schnelltaste auf der Seite Verkaufen)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Artikelnummer</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>VAT rate (%)</source>
        <translation>MwSt.-Satz (%)</translation>
    </message>
    <message>
        <source>Key colour</source>
        <translation>Tastenfarbe</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>Im Verkauf</translation>
    </message>
</context>
<context>
    <name>ItemsDialog</name>
    <message>
        <source>Items</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>ItemsPanel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Artikelnummer</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>MwSt.</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>Im Verkauf</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Entfernen…</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>CSV importieren…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>{rate} % (default)</source>
        <translation>{rate} % (Standard)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Add an item</source>
        <translation>Artikel hinzufügen</translation>
    </message>
    <message>
        <source>Added.</source>
        <translation>Hinzugefügt.</translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>{name} bearbeiten</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove {name} from the catalogue?</source>
        <translation>{name} aus dem Katalog entfernen?</translation>
    </message>
    <message>
        <source>Sales that sold it keep their lines. To keep it for later, take it off sale instead: it leaves the Sell page&apos;s quick keys.</source>
        <translation>Verkäufe, die ihn enthalten, behalten ihre Positionen. Um ihn für später zu behalten, nehmen Sie ihn stattdessen aus dem Verkauf: Er verschwindet von den Schnelltasten der Seite Verkaufen.</translation>
    </message>
    <message>
        <source>Take off sale</source>
        <translation>Aus dem Verkauf nehmen</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>Removed.</source>
        <translation>Entfernt.</translation>
    </message>
    <message>
        <source>Taken off sale.</source>
        <translation>Aus dem Verkauf genommen.</translation>
    </message>
    <message>
        <source>Import items from</source>
        <translation>Artikel importieren aus</translation>
    </message>
    <message>
        <source>Export items to</source>
        <translation>Artikel exportieren nach</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Wird importiert…</translation>
    </message>
    <message>
        <source>Imported: {added} added, {updated} updated.</source>
        <translation>Importiert: {added} hinzugefügt, {updated} aktualisiert.</translation>
    </message>
    <message>
        <source>Exported {n} item(s) to {path}.</source>
        <translation>{n} Artikel nach {path} exportiert.</translation>
    </message>
    <message>
        <source>The file cannot be read: {reason}</source>
        <translation>Die Datei kann nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text: save it as CSV UTF-8 and try again.</source>
        <translation>Die Datei ist kein UTF-8-Text: Speichern Sie sie als CSV UTF-8 und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The file cannot be written: {reason}</source>
        <translation>Die Datei kann nicht geschrieben werden: {reason}</translation>
    </message>
    <message>
        <source>The first line must name the columns: name and price, and any of {all}.</source>
        <translation>Die erste Zeile muss die Spalten nennen: name und price, dazu beliebige von {all}.</translation>
    </message>
    <message>
        <source>Unknown columns: {names}.</source>
        <translation>Unbekannte Spalten: {names}.</translation>
    </message>
    <message>
        <source>{n} row(s) are not valid; nothing was imported.</source>
        <translation>{n} Zeile(n) sind ungültig; nichts wurde importiert.</translation>
    </message>
    <message>
        <source>Line {line}</source>
        <translation>Zeile {line}</translation>
    </message>
    <message>
        <source>…and {n} more.</source>
        <translation>…und {n} weitere.</translation>
    </message>
</context>
<context>
    <name>KeyPage</name>
    <message>
        <source>Protect the wallet</source>
        <translation>Wallet schützen</translation>
    </message>
    <message>
        <source>The wallet&apos;s database is encrypted. Choose where its key is kept.</source>
        <translation>Die Datenbank der Wallet ist verschlüsselt. Wählen Sie, wo ihr Schlüssel liegt.</translation>
    </message>
    <message>
        <source>This computer&apos;s keyring</source>
        <translation>Schlüsselbund dieses Computers</translation>
    </message>
    <message>
        <source>A passphrase, asked at every start</source>
        <translation>Eine Passphrase, bei jedem Start abgefragt</translation>
    </message>
    <message>
        <source>{var} is set in the environment: the database will be encrypted with that key. Keep it safe: without it the wallet cannot be opened.</source>
        <translation>{var} ist in der Umgebung gesetzt: die Datenbank wird mit diesem Schlüssel verschlüsselt. Bewahren Sie ihn sicher auf: ohne ihn lässt sich die Wallet nicht öffnen.</translation>
    </message>
    <message>
        <source>The app opens without asking when you log in to this computer.</source>
        <translation>Die App öffnet ohne Nachfrage, wenn Sie sich an diesem Computer anmelden.</translation>
    </message>
    <message>
        <source>No keyring is available on this computer.</source>
        <translation>Auf diesem Computer ist kein Schlüsselbund verfügbar.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Repeat it</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>at least {n} characters</source>
        <translation>mindestens {n} Zeichen</translation>
    </message>
    <message>
        <source>Without the passphrase the wallet cannot be opened; your recovery words still restore the money.</source>
        <translation>Ohne die Passphrase lässt sich die Wallet nicht öffnen; Ihre Wiederherstellungswörter stellen das Geld trotzdem wieder her.</translation>
    </message>
    <message>
        <source>Choose at least {n} characters.</source>
        <translation>Wählen Sie mindestens {n} Zeichen.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Die beiden Passphrasen sind verschieden.</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>Memo (optional)</source>
        <translation>Notiz (optional)</translation>
    </message>
    <message>
        <source>Clear (Esc)</source>
        <translation>Löschen (Esc)</translation>
    </message>
    <message>
        <source>Charge  ⏎</source>
        <translation>Kassieren  ⏎</translation>
    </message>
    <message>
        <source>Creating sale…</source>
        <translation>Verkauf wird angelegt …</translation>
    </message>
    <message>
        <source>Type an amount first.</source>
        <translation>Zuerst einen Betrag eingeben.</translation>
    </message>
    <message>
        <source>includes {fee} fee</source>
        <translation>inkl. {fee} Gebühr</translation>
    </message>
    <message>
        <source>≈ {sats}</source>
        <translation>≈ {sats}</translation>
    </message>
</context>
<context>
    <name>LightningPage</name>
    <message>
        <source>Lightning address</source>
        <translation>Lightning-Adresse</translation>
    </message>
    <message>
        <source>Where the till pays out to Lightning: name@example.com or an LNURL-pay link.</source>
        <translation>Wohin die Kasse über Lightning auszahlt: name@example.com oder ein LNURL-pay-Link.</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>The payment mode or preset you chose pays out to this address: it is needed.</source>
        <translation>Die gewählte Zahlungsart oder Vorlage zahlt an diese Adresse aus: sie wird gebraucht.</translation>
    </message>
    <message>
        <source>Optional: you keep your mints&apos; ecash. You can add it later in Settings.</source>
        <translation>Optional: Sie behalten das Ecash Ihrer Mints. Sie können sie später in den Einstellungen hinzufügen.</translation>
    </message>
    <message>
        <source>Checking the address…</source>
        <translation>Adresse wird geprüft…</translation>
    </message>
    <message>
        <source>It answers: payments from {low} to {high} sat.</source>
        <translation>Sie antwortet: Zahlungen von {low} bis {high} sat.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Cashu point of sale</source>
        <translation>Cashu-Kasse</translation>
    </message>
    <message>
        <source>Opening the wallet…</source>
        <translation>Die Wallet wird geöffnet…</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>Benutzer wechseln</translation>
    </message>
    <message>
        <source>Cashu point of sale - TRAINING</source>
        <translation>Cashu-Kasse - TRAINING</translation>
    </message>
    <message>
        <source>TRAINING - play money, not real sales</source>
        <translation>TRAINING - Spielgeld, keine echten Verkäufe</translation>
    </message>
    <message>
        <source>The wallet is not open.</source>
        <translation>Die Wallet ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>&amp;App</source>
        <translation>&amp;App</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Items…</source>
        <translation>&amp;Artikel…</translation>
    </message>
    <message>
        <source>&amp;Customer wallet…</source>
        <translation>&amp;Kunden-Wallet…</translation>
    </message>
    <message>
        <source>&amp;Leave training mode</source>
        <translation>Trainingsmodus &amp;verlassen</translation>
    </message>
    <message>
        <source>Open {page}</source>
        <translation>{page} öffnen</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Mitteilungen</translation>
    </message>
    <message>
        <source>Changing the items needs a manager.</source>
        <translation>Artikel ändern darf nur ein Manager.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>A sale is open: {amount}, not paid yet.</source>
        <translation>Ein Verkauf ist offen: {amount}, noch nicht bezahlt.</translation>
    </message>
    <message>
        <source>If you quit now, the customer cannot pay it at this till; it stays in Activity and expires on its own. Money already received is kept.</source>
        <translation>Wenn Sie jetzt beenden, kann der Kunde an dieser Kasse nicht zahlen; der Verkauf bleibt in Aktivität und läuft von selbst ab. Bereits erhaltenes Geld bleibt erhalten.</translation>
    </message>
    <message>
        <source>Keep selling</source>
        <translation>Weiter verkaufen</translation>
    </message>
    <message>
        <source>Cashu point of sale - {till}</source>
        <translation>Cashu-Kasse - {till}</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>4 to 8 digits</source>
        <translation>4 bis 8 Ziffern</translation>
    </message>
    <message>
        <source>The same again</source>
        <translation>Noch einmal dieselbe</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>PIN wiederholen</translation>
    </message>
    <message>
        <source>The two PINs are not the same: type the new PIN again twice.</source>
        <translation>Die beiden PINs sind nicht gleich: Geben Sie die neue PIN noch zweimal ein.</translation>
    </message>
</context>
<context>
    <name>MintCheck</name>
    <message>
        <source>checks whether a token is spent</source>
        <translation>prüft, ob ein Token ausgegeben ist</translation>
    </message>
    <message>
        <source>restores the shop&apos;s coins from its recovery words</source>
        <translation>stellt die Münzen des Ladens aus seinen Wiederherstellungswörtern wieder her</translation>
    </message>
    <message>
        <source>proves its tokens are genuine</source>
        <translation>beweist, dass seine Tokens echt sind</translation>
    </message>
    <message>
        <source>pays out to Lightning</source>
        <translation>zahlt per Lightning aus</translation>
    </message>
    <message>
        <source>returns Lightning fee change</source>
        <translation>gibt Wechselgeld aus Lightning-Gebühren zurück</translation>
    </message>
    <message>
        <source>tokens made out to the shop (offline payments)</source>
        <translation>Tokens auf den Laden ausgestellt (Offline-Zahlungen)</translation>
    </message>
    <message>
        <source>prices in sats</source>
        <translation>Preise in Sats</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>Mint address</source>
        <translation>Adresse der Mint</translation>
    </message>
    <message>
        <source>Checking {url}…</source>
        <translation>{url} wird geprüft …</translation>
    </message>
    <message>
        <source>This mint cannot be used</source>
        <translation>Diese Mint ist nicht nutzbar</translation>
    </message>
    <message>
        <source>Nothing answered at this address. Check the address and the internet connection.</source>
        <translation>Unter dieser Adresse hat nichts geantwortet. Prüfen Sie die Adresse und die Internetverbindung.</translation>
    </message>
    <message>
        <source>This address did not answer like a Cashu mint: {reason}</source>
        <translation>Diese Adresse hat nicht wie eine Cashu-Mint geantwortet: {reason}</translation>
    </message>
</context>
<context>
    <name>MintList</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Einheiten</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Reihenfolge</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Guthaben</translation>
    </message>
    <message>
        <source>Trusted</source>
        <translation>Vertrauenswürdig</translation>
    </message>
    <message>
        <source>Add mint…</source>
        <translation>Mint hinzufügen …</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Use this mint before the one above it</source>
        <translation>Diese Mint vor der darüber verwenden</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Runter</translation>
    </message>
    <message>
        <source>Use this mint after the one below it</source>
        <translation>Diese Mint nach der darunter verwenden</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>Vertrauen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>{url} is now number {n} in the order.</source>
        <translation>{url} ist jetzt Nummer {n} in der Reihenfolge.</translation>
    </message>
    <message>
        <source>Only trusted mints have a place in the order.</source>
        <translation>Nur vertrauenswürdige Mints haben einen Platz in der Reihenfolge.</translation>
    </message>
    <message>
        <source>{url} is no longer used.</source>
        <translation>{url} wird nicht mehr verwendet.</translation>
    </message>
    <message>
        <source>{url} is trusted: its tokens are accepted.</source>
        <translation>{url} ist vertrauenswürdig: seine Tokens werden angenommen.</translation>
    </message>
    <message>
        <source>{url} is no longer trusted.</source>
        <translation>{url} ist nicht mehr vertrauenswürdig.</translation>
    </message>
    <message>
        <source>Don&apos;t trust</source>
        <translation>Nicht vertrauen</translation>
    </message>
    <message>
        <source>Added {name}.</source>
        <translation>{name} hinzugefügt.</translation>
    </message>
</context>
<context>
    <name>MintOfflineBanner</name>
    <message>
        <source>The mint %1 is offline right now. A token from it is kept and redeemed when it answers.</source>
        <translation>Die Mint %1 ist gerade offline. Ein Token von ihr wird aufbewahrt und eingelöst, sobald sie antwortet.</translation>
    </message>
</context>
<context>
    <name>MintsPage</name>
    <message>
        <source>Trusted mints</source>
        <translation>Vertrauenswürdige Mints</translation>
    </message>
    <message>
        <source>Customers pay with ecash from mints the shop trusts. Add at least one; more can be added later in Settings.</source>
        <translation>Kunden zahlen mit E-Cash von Mints, denen der Laden vertraut. Fügen Sie mindestens eine hinzu; weitere später in den Einstellungen.</translation>
    </message>
    <message>
        <source>Add to the shop&apos;s mints</source>
        <translation>Zu den Mints des Ladens hinzufügen</translation>
    </message>
    <message>
        <source>Take off the list</source>
        <translation>Von der Liste nehmen</translation>
    </message>
    <message>
        <source>The shop&apos;s mints:</source>
        <translation>Die Mints des Ladens:</translation>
    </message>
</context>
<context>
    <name>NotificationsDialog</name>
    <message>
        <source>Notifications</source>
        <translation>Mitteilungen</translation>
    </message>
    <message>
        <source>Nothing needs your attention.</source>
        <translation>Nichts braucht Ihre Aufmerksamkeit.</translation>
    </message>
    <message>
        <source>Mark all as read</source>
        <translation>Alle als gelesen markieren</translation>
    </message>
</context>
<context>
    <name>OwnerPage</name>
    <message>
        <source>The owner</source>
        <translation>Der Inhaber</translation>
    </message>
    <message>
        <source>With staff, the owner&apos;s PIN guards Settings, the seed and payouts, and the owner adds the cashiers later. Leave it empty if you work the till alone.</source>
        <translation>Mit Personal schützt die PIN des Inhabers die Einstellungen, den Seed und die Auszahlungen, und der Inhaber legt die Kassierer später an. Leer lassen, wenn Sie allein an der Kasse arbeiten.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>PIN (4 to 8 digits)</source>
        <translation>PIN (4 bis 8 Ziffern)</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>PIN wiederholen</translation>
    </message>
    <message>
        <source>Type a name of 1 to 40 letters, digits or spaces.</source>
        <translation>Geben Sie einen Namen aus 1 bis 40 Buchstaben, Ziffern oder Leerzeichen ein.</translation>
    </message>
    <message>
        <source>A PIN is 4 to 8 digits.</source>
        <translation>Eine PIN hat 4 bis 8 Ziffern.</translation>
    </message>
    <message>
        <source>The two PINs differ.</source>
        <translation>Die beiden PINs stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>Pager</name>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Zurück</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Weiter ▶</translation>
    </message>
    <message>
        <source>Previous page (Ctrl+Page Up)</source>
        <translation>Vorherige Seite (Strg+Bild auf)</translation>
    </message>
    <message>
        <source>Next page (Ctrl+Page Down)</source>
        <translation>Nächste Seite (Strg+Bild ab)</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Seite {page} von {pages}</translation>
    </message>
</context>
<context>
    <name>PaymentView</name>
    <message>
        <source>Cancel sale  Esc</source>
        <translation>Verkauf abbrechen  Esc</translation>
    </message>
    <message>
        <source>New sale  ⏎</source>
        <translation>Neuer Verkauf  ⏎</translation>
    </message>
    <message>
        <source>This token was already read for this sale.</source>
        <translation>Dieser Token wurde für diesen Verkauf schon gelesen.</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Zu prüfen</translation>
    </message>
    <message>
        <source>Payment failed: not paid</source>
        <translation>Zahlung fehlgeschlagen: nicht bezahlt</translation>
    </message>
    <message>
        <source>Waiting for payment</source>
        <translation>Warte auf Zahlung</translation>
    </message>
    <message>
        <source>Show the customer the code, or hold their token up to the camera.</source>
        <translation>Zeigen Sie dem Kunden den Code oder halten Sie seinen Token vor die Kamera.</translation>
    </message>
    <message>
        <source>Checking the token…</source>
        <translation>Token wird geprüft …</translation>
    </message>
    <message>
        <source>Please wait a moment.</source>
        <translation>Bitte einen Moment warten.</translation>
    </message>
    <message>
        <source>Partially paid: {left} to go</source>
        <translation>Teilweise bezahlt: noch {left}</translation>
    </message>
    <message>
        <source>{paid} received. Scan the next token for the rest.</source>
        <translation>{paid} erhalten. Nächsten Token für den Rest scannen.</translation>
    </message>
    <message>
        <source>Still to pay: {left}.</source>
        <translation>Noch zu zahlen: {left}.</translation>
    </message>
    <message>
        <source>Converting it cost {fee} in fees.</source>
        <translation>Die Umwandlung kostete {fee} an Gebühren.</translation>
    </message>
    <message>
        <source>Not confirmed yet.
Goods at the shop&apos;s risk.</source>
        <translation>Noch nicht bestätigt.
Ware auf Risiko des Geschäfts.</translation>
    </message>
    <message>
        <source>Not paid.
Ask for another payment.</source>
        <translation>Nicht bezahlt.
Um eine neue Zahlung bitten.</translation>
    </message>
    <message>
        <source>{paid} was already paid. Press Esc again to cancel the sale; the refund is then listed under Needs attention in Activity.</source>
        <translation>{paid} wurde schon bezahlt. Drücken Sie erneut Esc, um den Verkauf zu stornieren; die Erstattung steht dann unter „Braucht Aufmerksamkeit“ in Aktivität.</translation>
    </message>
    <message>
        <source>Accepted offline: it is redeemed when the mint is back.</source>
        <translation>Offline angenommen: wird eingelöst, sobald die Mint zurück ist.</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <source>Sale expired</source>
        <translation>Verkauf abgelaufen</translation>
    </message>
    <message>
        <source>The price lock ran out. Press Enter for a new sale of the same amount.</source>
        <translation>Die Preisbindung ist abgelaufen. Enter drücken für einen neuen Verkauf über denselben Betrag.</translation>
    </message>
    <message>
        <source>Price lock ended</source>
        <translation>Preisbindung abgelaufen</translation>
    </message>
    <message>
        <source>Back  Esc</source>
        <translation>Zurück  Esc</translation>
    </message>
    <message>
        <source>New sale, same amount  ⏎</source>
        <translation>Neuer Verkauf, gleicher Betrag  ⏎</translation>
    </message>
    <message>
        <source>{price} paid.</source>
        <translation>{price} bezahlt.</translation>
    </message>
    <message>
        <source>{price} paid ({sats}).</source>
        <translation>{price} bezahlt ({sats}).</translation>
    </message>
    <message>
        <source>The customer gave {given}: change {change}. Let them scan the change code.</source>
        <translation>Der Kunde gab {given}: Wechselgeld {change}. Lassen Sie den Wechselgeld-Code scannen.</translation>
    </message>
    <message>
        <source>The customer gave {given}: {change} over, kept by the shop.</source>
        <translation>Der Kunde gab {given}: {change} zu viel, vom Geschäft behalten.</translation>
    </message>
    <message>
        <source>{paid}
received</source>
        <translation>{paid}
erhalten</translation>
    </message>
    <message>
        <source>Tell the owner.</source>
        <translation>Sagen Sie es dem Inhaber.</translation>
    </message>
    <message>
        <source>Enter: a new sale
of {amount}</source>
        <translation>Enter: neuer Verkauf
über {amount}</translation>
    </message>
    <message>
        <source>Still to pay
{left}</source>
        <translation>Noch zu zahlen
{left}</translation>
    </message>
</context>
<context>
    <name>PaymentsPage</name>
    <message>
        <source>How payments are kept</source>
        <translation>Wie Zahlungen aufbewahrt werden</translation>
    </message>
    <message>
        <source>Which ecash the till takes and what it does with it.</source>
        <translation>Welches Ecash die Kasse annimmt und was sie damit macht.</translation>
    </message>
    <message>
        <source>Keep ecash of the shop&apos;s own mints</source>
        <translation>Ecash der eigenen Mints behalten</translation>
    </message>
    <message>
        <source>Only tokens of the mints you trust are taken, and kept as ecash. Simplest and cheapest; customers need ecash of one of your mints.</source>
        <translation>Nur Token Ihrer vertrauenswürdigen Mints werden angenommen und als Ecash behalten. Am einfachsten und günstigsten; Kunden brauchen Ecash einer Ihrer Mints.</translation>
    </message>
    <message>
        <source>Also take other mints&apos; ecash, paid out to Lightning</source>
        <translation>Auch Ecash anderer Mints annehmen, per Lightning ausgezahlt</translation>
    </message>
    <message>
        <source>Tokens of your mints are kept; any other is paid straight to the shop&apos;s Lightning address (the next step). The customer&apos;s token pays the fee.</source>
        <translation>Tokens Ihrer Mints werden behalten; alle anderen werden direkt an die Lightning-Adresse des Ladens gezahlt (der nächste Schritt). Der Token des Kunden trägt die Gebühr.</translation>
    </message>
    <message>
        <source>Pay everything out to Lightning</source>
        <translation>Alles per Lightning auszahlen</translation>
    </message>
    <message>
        <source>Every token is paid to the shop&apos;s Lightning address at once: the shop keeps no ecash. Each payment costs a Lightning fee.</source>
        <translation>Jeder Token wird sofort an die Lightning-Adresse des Geschäfts gezahlt: Das Geschäft behält kein Ecash. Jede Zahlung kostet eine Lightning-Gebühr.</translation>
    </message>
    <message>
        <source>None: the defaults</source>
        <translation>Keine: die Standardwerte</translation>
    </message>
    <message>
        <source>Start from</source>
        <translation>Ausgehend von</translation>
    </message>
</context>
<context>
    <name>PresetDialog</name>
    <message>
        <source>Presets</source>
        <translation>Vorlagen</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <source>Then</source>
        <translation>Danach</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>{n} settings change.</source>
        <translation>{n} Einstellungen ändern sich.</translation>
    </message>
    <message>
        <source>Nothing to change: this shop is set up like that already.</source>
        <translation>Nichts zu ändern: Dieses Geschäft ist bereits so eingerichtet.</translation>
    </message>
    <message>
        <source>Applied: {n} settings changed.</source>
        <translation>Übernommen: {n} Einstellungen geändert.</translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <source>Cafe</source>
        <translation>Café</translation>
    </message>
    <message>
        <source>Quick sales at a counter: a short price hold, tips offered, the mint&apos;s own ecash only.</source>
        <translation>Schnelle Verkäufe am Tresen: kurze Preisbindung, Trinkgeld angeboten, nur Ecash der eigenen Mint.</translation>
    </message>
    <message>
        <source>Market stall</source>
        <translation>Marktstand</translation>
    </message>
    <message>
        <source>Outdoors with a weak connection: tokens made out to the shop are taken while a mint is unreachable, within small caps; a longer price hold.</source>
        <translation>Draußen mit schwacher Verbindung: Auf das Geschäft ausgestellte Token werden angenommen, während eine Mint nicht erreichbar ist, innerhalb kleiner Obergrenzen; längere Preisbindung.</translation>
    </message>
    <message>
        <source>Shop with an online store</source>
        <translation>Geschäft mit Onlineshop</translation>
    </message>
    <message>
        <source>Ecash from other mints converted into the shop&apos;s, payouts to the Lightning address on the timer, and webhooks to the shop&apos;s own network.</source>
        <translation>Ecash anderer Mints wird in das des Geschäfts umgewandelt, zeitgesteuerte Auszahlungen an die Lightning-Adresse und Webhooks ins eigene Netzwerk des Geschäfts.</translation>
    </message>
    <message>
        <source>Minimal</source>
        <translation>Minimal</translation>
    </message>
    <message>
        <source>Ecash of the shop&apos;s own mints only, nothing automatic: no conversion, no offline acceptance, no automatic payouts.</source>
        <translation>Nur Ecash der eigenen Mints, nichts automatisch: keine Umwandlung, keine Offline-Annahme, keine automatischen Auszahlungen.</translation>
    </message>
</context>
<context>
    <name>PrinterPage</name>
    <message>
        <source>Receipt printer</source>
        <translation>Belegdrucker</translation>
    </message>
    <message>
        <source>Receipts print on this printer without asking. Print a test receipt to see the paper&apos;s width and the shop&apos;s header.</source>
        <translation>Belege werden ohne Rückfrage auf diesem Drucker gedruckt. Drucken Sie einen Testbeleg, um die Papierbreite und den Kopf des Geschäfts zu prüfen.</translation>
    </message>
    <message>
        <source>None: choose in the print dialog each time</source>
        <translation>Keiner: jedes Mal im Druckdialog wählen</translation>
    </message>
    <message>
        <source>Print a test receipt</source>
        <translation>Testbeleg drucken</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Drucker</translation>
    </message>
    <message>
        <source>No printer? Go on: receipts can also be saved as PDF files, and the printer can be set later in Settings, Shop.</source>
        <translation>Kein Drucker? Weiter: Belege lassen sich auch als PDF-Dateien speichern, und der Drucker kann später unter Einstellungen, Geschäft gewählt werden.</translation>
    </message>
    <message>
        <source>{name} (not installed)</source>
        <translation>{name} (nicht installiert)</translation>
    </message>
    <message>
        <source>Your shop</source>
        <translation>Ihr Geschäft</translation>
    </message>
    <message>
        <source>TEST</source>
        <translation>TEST</translation>
    </message>
    <message>
        <source>print dialog</source>
        <translation>Druckdialog</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papier</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Gedruckt</translation>
    </message>
    <message>
        <source>Sharp text, nothing cut at the edges and a QR code below: the printer is ready.</source>
        <translation>Scharfer Text, nichts an den Rändern abgeschnitten und darunter ein QR-Code: der Drucker ist bereit.</translation>
    </message>
    <message>
        <source>Sent to the printer. Check the paper.</source>
        <translation>An den Drucker gesendet. Prüfen Sie das Papier.</translation>
    </message>
    <message>
        <source>{printer} did not print: it is not installed or is off. Choose another, or none.</source>
        <translation>{printer} hat nicht gedruckt: er ist nicht installiert oder aus. Wählen Sie einen anderen oder keinen.</translation>
    </message>
    <message>
        <source>Nothing was printed.</source>
        <translation>Es wurde nichts gedruckt.</translation>
    </message>
    <message>
        <source>Receipts: the print dialog each time, {paper} paper</source>
        <translation>Belege: jedes Mal der Druckdialog, Papier {paper}</translation>
    </message>
    <message>
        <source>Receipt printer: {printer}, {paper} paper, test printed</source>
        <translation>Belegdrucker: {printer}, Papier {paper}, Test gedruckt</translation>
    </message>
    <message>
        <source>Receipt printer: {printer}, {paper} paper</source>
        <translation>Belegdrucker: {printer}, Papier {paper}</translation>
    </message>
</context>
<context>
    <name>ReceiptButtons</name>
    <message>
        <source>Print receipt</source>
        <translation>Beleg drucken</translation>
    </message>
    <message>
        <source>Save receipt as PDF</source>
        <translation>Beleg als PDF speichern</translation>
    </message>
    <message>
        <source>Print refund receipt</source>
        <translation>Erstattungsbeleg drucken</translation>
    </message>
    <message>
        <source>Save refund receipt as PDF</source>
        <translation>Erstattungsbeleg als PDF speichern</translation>
    </message>
    <message>
        <source>Printed on {printer}</source>
        <translation>Gedruckt auf {printer}</translation>
    </message>
    <message>
        <source>Printer {printer} not found: choose one.</source>
        <translation>Drucker {printer} nicht gefunden: Bitte einen wählen.</translation>
    </message>
    <message>
        <source>Save receipt</source>
        <translation>Beleg speichern</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Saved: {name}</source>
        <translation>Gespeichert: {name}</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>Refund the customer</source>
        <translation>Kunden erstatten</translation>
    </message>
    <message>
        <source>Refund {amount} for sale {sale}</source>
        <translation>{amount} für Verkauf {sale} erstatten</translation>
    </message>
    <message>
        <source>The amount the customer paid is given back as an ecash token: they scan the QR code, or take the file. It comes from the mint they paid with when the shop holds enough there.</source>
        <translation>Der bezahlte Betrag wird als E-Cash-Token zurückgegeben: Der Kunde scannt den QR-Code oder nimmt die Datei. Er kommt von der Mint, mit der gezahlt wurde, wenn das Geschäft dort genug hält.</translation>
    </message>
    <message>
        <source>Save to</source>
        <translation>Speichern in</translation>
    </message>
    <message>
        <source>Make refund token</source>
        <translation>Erstattungs-Token erstellen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Making the token…</source>
        <translation>Token wird erstellt…</translation>
    </message>
    <message>
        <source>Make the refund token</source>
        <translation>Erstattungs-Token erstellen</translation>
    </message>
</context>
<context>
    <name>RefundForm</name>
    <message>
        <source>Saved to: {path}</source>
        <translation>Gespeichert unter: {path}</translation>
    </message>
    <message>
        <source>The file could not be saved to that folder (is the USB drive plugged in?). The token is kept with the refund: let the customer scan it, or copy it.</source>
        <translation>Die Datei konnte nicht in diesem Ordner gespeichert werden (ist der USB-Stick eingesteckt?). Der Token bleibt bei der Erstattung: Lassen Sie ihn vom Kunden scannen oder kopieren Sie ihn.</translation>
    </message>
    <message>
        <source>No file saved (no folder): copy the token or let it be scanned.</source>
        <translation>Keine Datei gespeichert (kein Ordner): Token kopieren oder scannen lassen.</translation>
    </message>
    <message>
        <source>Refund of {amount}: let the customer scan it</source>
        <translation>Erstattung von {amount}: vom Kunden scannen lassen</translation>
    </message>
    <message>
        <source>From mint: {mint}</source>
        <translation>Von der Mint: {mint}</translation>
    </message>
</context>
<context>
    <name>RefundLinesPicker</name>
    <message>
        <source>{position}. {name}</source>
        <translation>{position}. {name}</translation>
    </message>
    <message>
        <source> of {left}</source>
        <translation> von {left}</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>erstattet</translation>
    </message>
    <message>
        <source>{amount} left</source>
        <translation>{amount} übrig</translation>
    </message>
    <message>
        <source>Also give the tip back ({amount})</source>
        <translation>Auch das Trinkgeld zurückgeben ({amount})</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>Opening balance</source>
        <translation>Anfangsbestand</translation>
    </message>
    <message>
        <source>Received from customers</source>
        <translation>Von Kunden erhalten</translation>
    </message>
    <message>
        <source>Restored from the seed</source>
        <translation>Aus dem Seed wiederhergestellt</translation>
    </message>
    <message>
        <source>Reclaimed exports</source>
        <translation>Zurückgeholte Exporte</translation>
    </message>
    <message>
        <source>Exported (files, change, refunds)</source>
        <translation>Exportiert (Dateien, Wechselgeld, Erstattungen)</translation>
    </message>
    <message>
        <source>Withdrawn to Lightning</source>
        <translation>An Lightning ausgezahlt</translation>
    </message>
    <message>
        <source>Fees paid by the wallet</source>
        <translation>Von der Wallet bezahlte Gebühren</translation>
    </message>
    <message>
        <source>Spent elsewhere (found by a check)</source>
        <translation>Anderswo ausgegeben (bei einer Prüfung gefunden)</translation>
    </message>
    <message>
        <source>Other changes</source>
        <translation>Andere Änderungen</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Erwartet</translation>
    </message>
    <message>
        <source>Held by the wallet now</source>
        <translation>Jetzt in der Wallet</translation>
    </message>
    <message>
        <source>of which in pending operations</source>
        <translation>davon in laufenden Vorgängen</translation>
    </message>
    <message>
        <source>Difference (held - expected)</source>
        <translation>Differenz (vorhanden - erwartet)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>Shop Z report {number}</source>
        <translation>Laden-Z-Bericht {number}</translation>
    </message>
    <message>
        <source>Z report {number}</source>
        <translation>Z-Bericht {number}</translation>
    </message>
    <message>
        <source>Shop X report (since shop Z {number})</source>
        <translation>Laden-X-Bericht (seit Laden-Z {number})</translation>
    </message>
    <message>
        <source>X report (since Z {number})</source>
        <translation>X-Bericht (seit Z {number})</translation>
    </message>
    <message>
        <source>Shop X report</source>
        <translation>Laden-X-Bericht</translation>
    </message>
    <message>
        <source>X report</source>
        <translation>X-Bericht</translation>
    </message>
    <message>
        <source>TRAINING - not a real report: {title}</source>
        <translation>TRAINING - kein echter Bericht: {title}</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Kasse</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>Geschäft</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>Zählt</translation>
    </message>
    <message>
        <source>every till&apos;s sales and the ecash drawer</source>
        <translation>die Verkäufe aller Kassen und die Ecash-Kasse</translation>
    </message>
    <message>
        <source>this till&apos;s sales</source>
        <translation>die Verkäufe dieser Kasse</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Prüfsumme</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Verkäufe</translation>
    </message>
    <message>
        <source>Gross ({currency})</source>
        <translation>Brutto ({currency})</translation>
    </message>
    <message>
        <source>Gross in {unit}</source>
        <translation>Brutto in {unit}</translation>
    </message>
    <message>
        <source>Average ticket ({currency})</source>
        <translation>Durchschnittsbon ({currency})</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Erstattungen</translation>
    </message>
    <message>
        <source>Refunded ({currency})</source>
        <translation>Erstattet ({currency})</translation>
    </message>
    <message>
        <source>Refunded in {unit}</source>
        <translation>Erstattet in {unit}</translation>
    </message>
    <message>
        <source>Net after refunds ({currency})</source>
        <translation>Netto nach Erstattungen ({currency})</translation>
    </message>
    <message>
        <source>Cancelled unpaid</source>
        <translation>Storniert, unbezahlt</translation>
    </message>
    <message>
        <source>Expired unpaid</source>
        <translation>Abgelaufen, unbezahlt</translation>
    </message>
    <message>
        <source>Failed unpaid</source>
        <translation>Fehlgeschlagen, unbezahlt</translation>
    </message>
    <message>
        <source>Payments that went through</source>
        <translation>Erfolgreiche Zahlungen</translation>
    </message>
    <message>
        <source>{settled} of {attempts}</source>
        <translation>{settled} von {attempts}</translation>
    </message>
    <message>
        <source>Refused payments</source>
        <translation>Abgelehnte Zahlungen</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Zu prüfen</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Tips ({currency})</source>
        <translation>Trinkgeld ({currency})</translation>
    </message>
    <message>
        <source>Tips in {unit}</source>
        <translation>Trinkgeld in {unit}</translation>
    </message>
    <message>
        <source>Discounts given</source>
        <translation>Gewährte Rabatte</translation>
    </message>
    <message>
        <source>Discounts ({currency})</source>
        <translation>Rabatte ({currency})</translation>
    </message>
    <message>
        <source>{rate} % ({currency})</source>
        <translation>{rate} % ({currency})</translation>
    </message>
    <message>
        <source>VAT by rate</source>
        <translation>MwSt. nach Satz</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Satz</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Netto</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>MwSt.</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>Brutto</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Zahlungen</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Mint</source>
        <translation>Mint</translation>
    </message>
    <message>
        <source>Fee advance collected</source>
        <translation>Eingenommener Gebührenvorschuss</translation>
    </message>
    <message>
        <source>Mint fees</source>
        <translation>Mint-Gebühren</translation>
    </message>
    <message>
        <source>Lightning fees</source>
        <translation>Lightning-Gebühren</translation>
    </message>
    <message>
        <source>By method</source>
        <translation>Nach Verfahren</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Verfahren</translation>
    </message>
    <message>
        <source>By mint</source>
        <translation>Nach Mint</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Gebühren</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Gebühr</translation>
    </message>
    <message>
        <source>Refused, by reason</source>
        <translation>Abgelehnt, nach Grund</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Rates used</source>
        <translation>Verwendete Kurse</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Lowest</source>
        <translation>Niedrigster</translation>
    </message>
    <message>
        <source>Highest</source>
        <translation>Höchster</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Ecash drawer: {mint} ({unit})</source>
        <translation>Ecash-Kasse: {mint} ({unit})</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Posten</translation>
    </message>
    <message>
        <source>(before the shop had tills)</source>
        <translation>(bevor der Laden Kassen hatte)</translation>
    </message>
    <message>
        <source>Z {number}</source>
        <translation>Z {number}</translation>
    </message>
    <message>
        <source>By till</source>
        <translation>Nach Kasse</translation>
    </message>
    <message>
        <source>Last Z</source>
        <translation>Letzter Z</translation>
    </message>
    <message>
        <source>not reachable</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <source>Checked at the mints (NUT-07)</source>
        <translation>Bei den Mints geprüft (NUT-07)</translation>
    </message>
    <message>
        <source>Unspent</source>
        <translation>Unausgegeben</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>Ausgegeben</translation>
    </message>
    <message>
        <source>Exported in this period</source>
        <translation>In diesem Zeitraum exportiert</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Zweck</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>Eingelöst</translation>
    </message>
    <message>
        <source>The ecash drawer is the whole shop&apos;s wallet: the shop&apos;s report counts it.</source>
        <translation>Die Ecash-Kasse ist die Wallet des ganzen Ladens: der Bericht des Ladens zählt sie.</translation>
    </message>
    <message>
        <source>{till}: has sales or payments that no Z report of its own closed yet.</source>
        <translation>{till}: hat Verkäufe oder Zahlungen, die noch kein eigener Z-Bericht abgeschlossen hat.</translation>
    </message>
    <message>
        <source>{where}: the wallet holds {amount} more than its ledger expects. Something changed the wallet&apos;s coins outside the app&apos;s operations: keep this report and contact support.</source>
        <translation>{where}: Die Wallet hält {amount} mehr, als ihr Kassenbuch erwartet. Etwas hat die Münzen der Wallet außerhalb der Vorgänge der App geändert: Bewahren Sie diesen Bericht auf und wenden Sie sich an den Support.</translation>
    </message>
    <message>
        <source>{where}: the wallet holds {amount} less than its ledger expects. Something changed the wallet&apos;s coins outside the app&apos;s operations: keep this report and contact support.</source>
        <translation>{where}: Die Wallet hält {amount} weniger, als ihr Kassenbuch erwartet. Etwas hat die Münzen der Wallet außerhalb der Vorgänge der App geändert: Bewahren Sie diesen Bericht auf und wenden Sie sich an den Support.</translation>
    </message>
    <message>
        <source>{where}: {amount} are held by operations that have not finished (a payment to Lightning or an export in flight); recovery finishes them.</source>
        <translation>{where}: {amount} sind in Vorgängen gebunden, die noch nicht abgeschlossen sind (eine Lightning-Zahlung oder ein Export unterwegs); die Wiederherstellung schließt sie ab.</translation>
    </message>
    <message>
        <source>{where}: the mint did not answer; the drawer was not confirmed there.</source>
        <translation>{where}: Die Mint hat nicht geantwortet; die Kasse wurde dort nicht bestätigt.</translation>
    </message>
    <message>
        <source>{where}: the mint says {amount} the wallet holds are already spent. Run Check in Wallet to correct the balance.</source>
        <translation>{where}: Laut Mint sind {amount} aus der Wallet bereits ausgegeben. Führen Sie unter Wallet „Prüfen“ aus, um den Saldo zu berichtigen.</translation>
    </message>
    <message>
        <source>{mint}: {amount} of the tokens exported ({purpose}) were not claimed when last checked.</source>
        <translation>{mint}: {amount} der exportierten Token ({purpose}) waren bei der letzten Prüfung nicht eingelöst.</translation>
    </message>
    <message>
        <source>{count} operation(s) were still open at the close.</source>
        <translation>{count} Vorgang/Vorgänge waren beim Abschluss noch offen.</translation>
    </message>
</context>
<context>
    <name>RerunSetup</name>
    <message>
        <source>Run setup again</source>
        <translation>Einrichtung erneut ausführen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Shop: {name}, prices in {currency}</source>
        <translation>Laden: {name}, Preise in {currency}</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(kein Name)</translation>
    </message>
    <message>
        <source>Payments: {mode}</source>
        <translation>Zahlungen: {mode}</translation>
    </message>
    <message>
        <source>Preset: {preset}</source>
        <translation>Vorlage: {preset}</translation>
    </message>
    <message>
        <source>The wallet, its mints and the staff accounts stay as they are.</source>
        <translation>Die Wallet, ihre Mints und die Mitarbeiterkonten bleiben, wie sie sind.</translation>
    </message>
    <message>
        <source>Saving the shop&apos;s settings…</source>
        <translation>Einstellungen des Ladens werden gespeichert…</translation>
    </message>
</context>
<context>
    <name>RestorePage</name>
    <message>
        <source>Restore from recovery words</source>
        <translation>Aus Wiederherstellungswörtern wiederherstellen</translation>
    </message>
    <message>
        <source>Type the 12 or 24 words, in order, separated by spaces.</source>
        <translation>Geben Sie die 12 oder 24 Wörter der Reihe nach ein, durch Leerzeichen getrennt.</translation>
    </message>
    <message>
        <source>word1 word2 word3 …</source>
        <translation>wort1 wort2 wort3 …</translation>
    </message>
    <message>
        <source>After setup, use Restore on the Wallet page to get back the coins this wallet held at your mints.</source>
        <translation>Nach der Einrichtung holen Sie mit „Wiederherstellen“ auf der Wallet-Seite die Münzen zurück, die diese Wallet bei Ihren Mints hatte.</translation>
    </message>
    <message>
        <source>{n} words</source>
        <translation>{n} Wörter</translation>
    </message>
</context>
<context>
    <name>SaleCode</name>
    <message>
        <source>Some wallets read only one of the two code formats: the classic one (Cashu NUT-18, creqA) or the shorter one (NUT-26, creqb1). Ctrl+R switches.</source>
        <translation>Manche Wallets lesen nur eines der beiden Code-Formate: das klassische (Cashu NUT-18, creqA) oder das kürzere (NUT-26, creqb1). Strg+R wechselt.</translation>
    </message>
    <message>
        <source>Payment request: the customer scans it with a wallet</source>
        <translation>Zahlungsanforderung: der Kunde scannt sie mit einer Wallet</translation>
    </message>
    <message>
        <source>Wallet cannot read it? Show the classic code</source>
        <translation>Wallet kann es nicht lesen? Klassischen Code zeigen</translation>
    </message>
    <message>
        <source>Wallet cannot read it? Show the short code</source>
        <translation>Wallet kann es nicht lesen? Kurzen Code zeigen</translation>
    </message>
    <message>
        <source>Change for the customer: {amount}. Let them scan it.</source>
        <translation>Wechselgeld für den Kunden: {amount}. Lassen Sie ihn scannen.</translation>
    </message>
</context>
<context>
    <name>SaleDetailsDialog</name>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Mint</source>
        <translation>Mint</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Credited</source>
        <translation>Gutgeschrieben</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Gebühren</translation>
    </message>
    <message>
        <source>Proof</source>
        <translation>Nachweis</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Sale {id}</source>
        <translation>Verkauf {id}</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>No token was offered for this sale.</source>
        <translation>Für diesen Verkauf wurde kein Token angeboten.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Wechselgeld</translation>
    </message>
    <message>
        <source>Hand this token back to the customer.</source>
        <translation>Geben Sie diesen Token dem Kunden zurück.</translation>
    </message>
    <message>
        <source>Copy change token</source>
        <translation>Wechselgeld-Token kopieren</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Zahlungen</translation>
    </message>
    <message>
        <source>Payment request</source>
        <translation>Zahlungsanforderung</translation>
    </message>
    <message>
        <source>Refund…</source>
        <translation>Erstatten…</translation>
    </message>
    <message>
        <source>Give the customer money back as an ecash token.</source>
        <translation>Dem Kunden Geld als Ecash-Token zurückgeben.</translation>
    </message>
    <message>
        <source>Check refund claims</source>
        <translation>Erstattungen prüfen</translation>
    </message>
    <message>
        <source>Ask the mints whether the customer redeemed the refund tokens.</source>
        <translation>Bei den Mints nachfragen, ob der Kunde die Erstattungs-Token eingelöst hat.</translation>
    </message>
    <message>
        <source>Sale id</source>
        <translation>Verkaufsnummer</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Erstattung</translation>
    </message>
    <message>
        <source>Exchange rate</source>
        <translation>Wechselkurs</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Paid at</source>
        <translation>Bezahlt am</translation>
    </message>
    <message>
        <source>(includes {fee} fee advance)</source>
        <translation>(inkl. {fee} Gebührenvorschuss)</translation>
    </message>
    <message>
        <source>1 BTC = {price}</source>
        <translation>1 BTC = {price}</translation>
    </message>
    <message>
        <source>{paid}, {remaining} remaining</source>
        <translation>{paid}, noch {remaining} offen</translation>
    </message>
    <message>
        <source>Refund {when}: {amount}</source>
        <translation>Erstattung {when}: {amount}</translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation>Eingelöst</translation>
    </message>
    <message>
        <source>Lightning</source>
        <translation>Lightning</translation>
    </message>
    <message>
        <source>Converted</source>
        <translation>Umgewandelt</translation>
    </message>
    <message>
        <source>Proven</source>
        <translation>Bewiesen</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <source>Not proven</source>
        <translation>Nicht bewiesen</translation>
    </message>
    <message>
        <source>Does not match</source>
        <translation>Stimmt nicht überein</translation>
    </message>
    <message>
        <source>(offline)</source>
        <translation>(offline)</translation>
    </message>
    <message>
        <source>Mint fee {mint}, Lightning fee {ln}</source>
        <translation>Mint-Gebühr {mint}, Lightning-Gebühr {ln}</translation>
    </message>
    <message>
        <source>{state}: {amount} of {took} given back</source>
        <translation>{state}: {amount} von {took} zurückgegeben</translation>
    </message>
    <message>
        <source>{when}: {amount}, {claim}{reason}</source>
        <translation>{when}: {amount}, {claim}{reason}</translation>
    </message>
    <message>
        <source>{amount} owed to the customer (see Needs attention)</source>
        <translation>{amount} dem Kunden geschuldet (siehe „Braucht Aufmerksamkeit“)</translation>
    </message>
    <message>
        <source>{amount} given back as a token, {when}</source>
        <translation>{amount} als Token zurückgegeben, {when}</translation>
    </message>
    <message>
        <source>{amount} given back otherwise, {when}: {note}</source>
        <translation>{amount} anders zurückgegeben, {when}: {note}</translation>
    </message>
    <message>
        <source>Change: {amount}</source>
        <translation>Wechselgeld: {amount}</translation>
    </message>
</context>
<context>
    <name>SaleRefundDialog</name>
    <message>
        <source>Refund sale {sale}</source>
        <translation>Verkauf {sale} erstatten</translation>
    </message>
    <message>
        <source>Save to file…</source>
        <translation>In Datei speichern…</translation>
    </message>
    <message>
        <source>Write the token (and its QR picture) to a folder.</source>
        <translation>Den Token (und sein QR-Bild) in einen Ordner schreiben.</translation>
    </message>
    <message>
        <source>Refund sale {sale}: up to {amount}</source>
        <translation>Verkauf {sale} erstatten: bis zu {amount}</translation>
    </message>
    <message>
        <source>The money is given back as an ecash token the customer scans or takes as a file, from the mint they paid with when the shop holds enough there. The sale stays in the day&apos;s sales; the refund is counted apart.</source>
        <translation>Das Geld wird als Ecash-Token zurückgegeben, den der Kunde scannt oder als Datei erhält – von der Mint, mit der er bezahlt hat, sofern das Geschäft dort genug hält. Der Verkauf bleibt in den Tagesumsätzen; die Erstattung wird getrennt gezählt.</translation>
    </message>
    <message>
        <source>Why (kept with the refund)</source>
        <translation>Grund (wird mit der Erstattung gespeichert)</translation>
    </message>
    <message>
        <source>Amount ({unit})</source>
        <translation>Betrag ({unit})</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Save to</source>
        <translation>Speichern in</translation>
    </message>
    <message>
        <source>Refund…</source>
        <translation>Erstatten…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Type an amount from 1 to {rest}.</source>
        <translation>Geben Sie einen Betrag von 1 bis {rest} ein.</translation>
    </message>
    <message>
        <source>Give {amount} back to the customer of sale {sale}? This cannot be undone.</source>
        <translation>{amount} an den Kunden von Verkauf {sale} zurückgeben? Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Make refund token</source>
        <translation>Erstattungs-Token erstellen</translation>
    </message>
    <message>
        <source>These lines come to {amount}, more than the {rest} left to give back.</source>
        <translation>Diese Positionen ergeben {amount}, mehr als die {rest}, die noch erstattet werden können.</translation>
    </message>
    <message>
        <source>Working out the lines&apos; amount…</source>
        <translation>Betrag der Positionen wird berechnet…</translation>
    </message>
    <message>
        <source>Give {amount} back for {count} line(s) of sale {sale}? This cannot be undone.</source>
        <translation>{amount} für {count} Position(en) des Verkaufs {sale} zurückgeben? Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Making the token…</source>
        <translation>Token wird erstellt…</translation>
    </message>
    <message>
        <source>Make the refund token</source>
        <translation>Erstattungs-Token erstellen</translation>
    </message>
    <message>
        <source>The file could not be saved to that folder. The token is kept.</source>
        <translation>Die Datei konnte nicht in diesem Ordner gespeichert werden. Der Token bleibt erhalten.</translation>
    </message>
</context>
<context>
    <name>SalesFilterBar</name>
    <message>
        <source>All sales</source>
        <translation>Alle Verkäufe</translation>
    </message>
    <message>
        <source>Sale state</source>
        <translation>Verkaufsstatus</translation>
    </message>
    <message>
        <source>Search memo or sale id (Ctrl+F)</source>
        <translation>Notiz oder Verkaufsnummer suchen (Strg+F)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
</context>
<context>
    <name>SalesModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Verkauf</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Due in sat</source>
        <translation>Fällig in sat</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <source>Mint</source>
        <translation>Mint</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Notiz</translation>
    </message>
</context>
<context>
    <name>ScanPanel</name>
    <message>
        <source>Reading animated code… %p%</source>
        <translation>Animierter Code wird gelesen … %p%</translation>
    </message>
    <message>
        <source>Or paste a token here and press Enter</source>
        <translation>Oder hier einen Token einfügen und Enter drücken</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>Bezahlen</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>Kamera startet …</translation>
    </message>
    <message>
        <source>That is a payment request, not a token. Ask the customer to show the token from their wallet.</source>
        <translation>Das ist eine Zahlungsanforderung, kein Token. Bitten Sie den Kunden, den Token aus seiner Wallet zu zeigen.</translation>
    </message>
    <message>
        <source>Camera not available: {error}
Paste the token instead.</source>
        <translation>Kamera nicht verfügbar: {error}
Fügen Sie den Token stattdessen ein.</translation>
    </message>
</context>
<context>
    <name>ScheduleStatus</name>
    <message>
        <source>Scheduled export: off (set a time under Settings, Exports).</source>
        <translation>Geplanter Export: aus (Uhrzeit unter Einstellungen, Exporte festlegen).</translation>
    </message>
    <message>
        <source>Scheduled export at {schedule}: next run {when}.</source>
        <translation>Geplanter Export um {schedule}: nächster Lauf {when}.</translation>
    </message>
    <message>
        <source>Choose a folder for it, or nothing can be exported.</source>
        <translation>Wählen Sie einen Ordner dafür, sonst kann nichts exportiert werden.</translation>
    </message>
    <message>
        <source>Last run ({at}): {n} file(s), {amounts}.</source>
        <translation>Letzter Lauf ({at}): {n} Datei(en), {amounts}.</translation>
    </message>
    <message>
        <source>Last run ({at}): nothing above the amount to keep.</source>
        <translation>Letzter Lauf ({at}): nichts über dem zu behaltenden Betrag.</translation>
    </message>
    <message>
        <source>The run of {at} waits for its folder {folder} (is the USB drive plugged in?); tried {n} time(s).</source>
        <translation>Der Lauf von {at} wartet auf seinen Ordner {folder} (ist das USB-Laufwerk eingesteckt?); {n} Versuch(e).</translation>
    </message>
    <message>
        <source>The run of {at} is under way.</source>
        <translation>Der Lauf von {at} ist im Gange.</translation>
    </message>
    <message>
        <source>The run of {at} was cut short: its tokens are in the export history.</source>
        <translation>Der Lauf von {at} wurde unterbrochen: seine Token stehen im Exportverlauf.</translation>
    </message>
    <message>
        <source>The run of {at} failed: {reason}</source>
        <translation>Der Lauf von {at} ist fehlgeschlagen: {reason}</translation>
    </message>
</context>
<context>
    <name>SeedPage</name>
    <message>
        <source>Your recovery words</source>
        <translation>Ihre Wiederherstellungswörter</translation>
    </message>
    <message>
        <source>Write these words on paper, in this order, and keep it safe. They are the only way to get the shop&apos;s money back if this computer is lost. The app does not show them again.</source>
        <translation>Schreiben Sie diese Wörter in dieser Reihenfolge auf Papier und bewahren Sie es sicher auf. Nur damit bekommt der Laden sein Geld zurück, wenn dieser Computer verloren geht. Die App zeigt sie nicht noch einmal.</translation>
    </message>
    <message>
        <source>I have written down all the words, in order</source>
        <translation>Ich habe alle Wörter der Reihe nach aufgeschrieben</translation>
    </message>
</context>
<context>
    <name>SellPage</name>
    <message>
        <source>Sell</source>
        <translation>Verkaufen</translation>
    </message>
    <message>
        <source>Getting the exchange rate…</source>
        <translation>Wechselkurs wird geholt …</translation>
    </message>
    <message>
        <source>No exchange rate right now: the sat amount is set when one is found.</source>
        <translation>Gerade kein Wechselkurs: der Sat-Betrag wird gesetzt, sobald einer da ist.</translation>
    </message>
    <message>
        <source>Type an amount first.</source>
        <translation>Geben Sie zuerst einen Betrag ein.</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Same as the computer</source>
        <translation>Wie am Computer</translation>
    </message>
    <message>
        <source>must be at least {n}</source>
        <translation>muss mindestens {n} sein</translation>
    </message>
    <message>
        <source>must be at most {n}</source>
        <translation>darf höchstens {n} sein</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>muss eine ganze Zahl sein</translation>
    </message>
    <message>
        <source>must be a number such as 95000.50</source>
        <translation>muss eine Zahl sein, z. B. 95000,50</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>muss eine Zahl sein</translation>
    </message>
    <message>
        <source>must be on or off</source>
        <translation>muss ein- oder ausgeschaltet sein</translation>
    </message>
    <message>
        <source>choose one of the listed values</source>
        <translation>wählen Sie einen der angebotenen Werte</translation>
    </message>
    <message>
        <source>choose a currency from the list, or type a three-letter code such as EUR</source>
        <translation>wählen Sie eine Währung aus der Liste oder geben Sie einen Code aus drei Buchstaben ein, z. B. EUR</translation>
    </message>
    <message>
        <source>must be an https:// address</source>
        <translation>muss eine https://-Adresse sein</translation>
    </message>
    <message>
        <source>plain http is only allowed for this computer (localhost)</source>
        <translation>einfaches http ist nur für diesen Computer erlaubt (localhost)</translation>
    </message>
    <message>
        <source>must look like name@example.com</source>
        <translation>muss wie name@example.com aussehen</translation>
    </message>
    <message>
        <source>each service needs an address and a path</source>
        <translation>jeder Dienst braucht eine Adresse und einen Pfad</translation>
    </message>
    <message>
        <source>must be a time zone such as Europe/Berlin, or empty for this computer&apos;s time zone</source>
        <translation>muss eine Zeitzone wie Europe/Berlin sein, oder leer für die Zeitzone dieses Computers</translation>
    </message>
    <message>
        <source>choose a camera or a video file</source>
        <translation>wählen Sie eine Kamera oder eine Videodatei</translation>
    </message>
    <message>
        <source>must be a time of day such as 18:30, optionally with weekdays such as 18:30 mon-fri; empty turns it off</source>
        <translation>muss eine Uhrzeit wie 18:30 sein, wahlweise mit Wochentagen wie 18:30 mon-fri; leer schaltet es aus</translation>
    </message>
    <message>
        <source>{day} is not a weekday; use mon, tue, wed, thu, fri, sat, sun (in English)</source>
        <translation>{day} ist kein Wochentag; verwenden Sie mon, tue, wed, thu, fri, sat, sun (englisch)</translation>
    </message>
    <message>
        <source>name at least one weekday, such as mon-fri</source>
        <translation>nennen Sie mindestens einen Wochentag, etwa mon-fri</translation>
    </message>
    <message>
        <source>must be a full folder path, such as /media/shop/USB</source>
        <translation>muss ein vollständiger Ordnerpfad sein, etwa /media/shop/USB</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>Hand back change</source>
        <translation>Wechselgeld zurückgeben</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation>Name des Ladens</translation>
    </message>
    <message>
        <source>Printed at the top of receipts and on every report page.</source>
        <translation>Steht oben auf Belegen und auf jeder Seite der Berichte.</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>Laden</translation>
    </message>
    <message>
        <source>Shop address</source>
        <translation>Geschäftsadresse</translation>
    </message>
    <message>
        <source>Printed under the name on receipts; up to three lines, separated by |.</source>
        <translation>Wird auf Belegen unter dem Namen gedruckt; bis zu drei Zeilen, getrennt durch |.</translation>
    </message>
    <message>
        <source>VAT number</source>
        <translation>USt-IdNr.</translation>
    </message>
    <message>
        <source>Printed on receipts when set.</source>
        <translation>Wird auf Belegen gedruckt, wenn angegeben.</translation>
    </message>
    <message>
        <source>Receipt paper</source>
        <translation>Belegpapier</translation>
    </message>
    <message>
        <source>The width of the receipt printer&apos;s roll (58 or 80 mm), or A4 sheets. PDF receipts use it too.</source>
        <translation>Die Breite der Rolle des Belegdruckers (58 oder 80 mm) oder A4-Blätter. PDF-Belege verwenden sie ebenfalls.</translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation>Belegdrucker</translation>
    </message>
    <message>
        <source>Print receipts on this printer without asking. Empty: choose in the print dialog each time.</source>
        <translation>Belege ohne Nachfrage auf diesem Drucker drucken. Leer: jedes Mal im Druckdialog wählen.</translation>
    </message>
    <message>
        <source>Lock the till after (minutes idle)</source>
        <translation>Kasse sperren nach (Minuten Inaktivität)</translation>
    </message>
    <message>
        <source>With staff accounts, the till goes back to the Sell page and asks who is there after this long without a touch or a key (never during a sale). 0: never.</source>
        <translation>Mit Personalkonten kehrt die Kasse nach so langer Zeit ohne Berührung oder Tastendruck zur Verkaufsseite zurück und fragt, wer da ist (nie während eines Verkaufs). 0: nie.</translation>
    </message>
    <message>
        <source>Lock an account after (wrong PINs)</source>
        <translation>Konto sperren nach (falschen PINs)</translation>
    </message>
    <message>
        <source>This many wrong PINs in a row lock the account and notify the owner. Each wrong PIN already makes the next try wait longer.</source>
        <translation>So viele falsche PINs hintereinander sperren das Konto und benachrichtigen den Inhaber. Jede falsche PIN verlängert schon die Wartezeit bis zum nächsten Versuch.</translation>
    </message>
    <message>
        <source>Locked account waits (minutes)</source>
        <translation>Gesperrtes Konto wartet (Minuten)</translation>
    </message>
    <message>
        <source>How long an account stays locked after too many wrong PINs, unless the owner unlocks it in Staff.</source>
        <translation>Wie lange ein Konto nach zu vielen falschen PINs gesperrt bleibt, sofern der Inhaber es nicht unter Personal entsperrt.</translation>
    </message>
    <message>
        <source>Till name</source>
        <translation>Name der Kasse</translation>
    </message>
    <message>
        <source>Names this till on Z reports and in webhooks, where a shop has several tills.</source>
        <translation>Benennt diese Kasse auf Z-Berichten und in Webhooks, wenn ein Geschäft mehrere Kassen hat.</translation>
    </message>
    <message>
        <source>Shop time zone</source>
        <translation>Zeitzone des Geschäfts</translation>
    </message>
    <message>
        <source>Where report days start and end, such as Europe/Berlin. Empty: this computer&apos;s time zone.</source>
        <translation>Wo die Tage der Berichte beginnen und enden, z. B. Europe/Berlin. Leer: die Zeitzone dieses Computers.</translation>
    </message>
    <message>
        <source>Which payments to accept</source>
        <translation>Welche Zahlungen annehmen</translation>
    </message>
    <message>
        <source>Keep ecash from the shop&apos;s own mints only, or also take ecash from other mints and pay it straight out to the shop&apos;s Lightning address.</source>
        <translation>Nur E-Cash der eigenen Mints behalten, oder auch E-Cash anderer Mints annehmen und direkt an die Lightning-Adresse des Ladens auszahlen.</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Zahlungen</translation>
    </message>
    <message>
        <source>Shop currency</source>
        <translation>Währung des Ladens</translation>
    </message>
    <message>
        <source>The currency prices are typed in. Bitcoin (sat) needs no exchange rate.</source>
        <translation>Die Währung, in der Preise eingegeben werden. Bitcoin (sat) braucht keinen Wechselkurs.</translation>
    </message>
    <message>
        <source>When a customer pays too much</source>
        <translation>Wenn ein Kunde zu viel zahlt</translation>
    </message>
    <message>
        <source>Hand the difference back as change the customer scans, or keep it.</source>
        <translation>Die Differenz als Wechselgeld zurückgeben, das der Kunde scannt, oder behalten.</translation>
    </message>
    <message>
        <source>Price hold (seconds)</source>
        <translation>Preisbindung (Sekunden)</translation>
    </message>
    <message>
        <source>How long a sale keeps its price in sats. After that the customer needs a new payment code.</source>
        <translation>Wie lange ein Verkauf seinen Preis in Sats hält. Danach braucht der Kunde einen neuen Zahlungscode.</translation>
    </message>
    <message>
        <source>Service fee added to each sale (sat)</source>
        <translation>Servicegebühr pro Verkauf (sat)</translation>
    </message>
    <message>
        <source>A fixed amount the customer pays on top of the price, to cover the mint&apos;s fees.</source>
        <translation>Ein fester Betrag, den der Kunde zusätzlich zahlt, um die Gebühren der Mint zu decken.</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Gebühren</translation>
    </message>
    <message>
        <source>Highest mint fee (%)</source>
        <translation>Höchste Mint-Gebühr (%)</translation>
    </message>
    <message>
        <source>Refuse a payment when the mint would keep more than this share of it as a fee.</source>
        <translation>Eine Zahlung ablehnen, wenn die Mint mehr als diesen Anteil als Gebühr behalten würde.</translation>
    </message>
    <message>
        <source>Highest Lightning fee (%)</source>
        <translation>Höchste Lightning-Gebühr (%)</translation>
    </message>
    <message>
        <source>Refuse to pay a token out to Lightning when the fee would be more than this share of it.</source>
        <translation>Einen Token nicht per Lightning auszahlen, wenn die Gebühr mehr als diesen Anteil ausmachen würde.</translation>
    </message>
    <message>
        <source>Fees always accepted up to</source>
        <translation>Gebühren immer akzeptiert bis</translation>
    </message>
    <message>
        <source>A fee of at most this many sat (or cents) is never refused, whatever its share of the payment: a 1 sat fee is 2.86% of a 35 sat token.</source>
        <translation>Eine Gebühr von höchstens so vielen sat (oder Cent) wird nie abgelehnt, egal welcher Anteil der Zahlung: 1 sat Gebühr sind 2,86 % eines 35-sat-Tokens.</translation>
    </message>
    <message>
        <source>Fixed price of one bitcoin</source>
        <translation>Fester Preis für einen Bitcoin</translation>
    </message>
    <message>
        <source>In the shop currency. Used when no exchange rate service answers; 0 means none.</source>
        <translation>In der Währung des Ladens. Gilt, wenn kein Wechselkursdienst antwortet; 0 heißt keiner.</translation>
    </message>
    <message>
        <source>Exchange rate</source>
        <translation>Wechselkurs</translation>
    </message>
    <message>
        <source>Exchange rate services</source>
        <translation>Wechselkursdienste</translation>
    </message>
    <message>
        <source>Web addresses that give the price of one bitcoin, and where in their answer the price is (for example bitcoin.eur).</source>
        <translation>Webadressen, die den Preis eines Bitcoin liefern, und wo in ihrer Antwort der Preis steht (zum Beispiel bitcoin.eur).</translation>
    </message>
    <message>
        <source>Use a rate for at most (seconds)</source>
        <translation>Kurs höchstens so lange nutzen (Sekunden)</translation>
    </message>
    <message>
        <source>An older exchange rate is fetched again before use.</source>
        <translation>Ein älterer Wechselkurs wird vor der Nutzung neu geholt.</translation>
    </message>
    <message>
        <source>Lightning address</source>
        <translation>Lightning-Adresse</translation>
    </message>
    <message>
        <source>Where payments from other mints are sent: name@example.com, or an LNURL-pay address.</source>
        <translation>Wohin Zahlungen von anderen Mints gehen: name@example.com oder eine LNURL-pay-Adresse.</translation>
    </message>
    <message>
        <source>Lightning</source>
        <translation>Lightning</translation>
    </message>
    <message>
        <source>Withdraw to the Lightning address automatically</source>
        <translation>Automatisch an die Lightning-Adresse auszahlen</translation>
    </message>
    <message>
        <source>When the shop holds more than the threshold at one of its mints, pay a share of it to the Lightning address above.</source>
        <translation>Hält das Geschäft bei einer seiner Mints mehr als den Schwellenwert, wird ein Anteil davon an die Lightning-Adresse oben ausgezahlt.</translation>
    </message>
    <message>
        <source>Withdraw when a mint holds more than (sat)</source>
        <translation>Auszahlen, wenn eine Mint mehr hält als (sat)</translation>
    </message>
    <message>
        <source>Checked per mint. It must be at least the smallest amount the Lightning address accepts.</source>
        <translation>Wird je Mint geprüft. Er muss mindestens der kleinste Betrag sein, den die Lightning-Adresse annimmt.</translation>
    </message>
    <message>
        <source>Share of the balance to withdraw (%)</source>
        <translation>Auszuzahlender Anteil des Guthabens (%)</translation>
    </message>
    <message>
        <source>The rest stays at the mint to pay the fees and to give change.</source>
        <translation>Der Rest bleibt bei der Mint, für die Gebühren und für Wechselgeld.</translation>
    </message>
    <message>
        <source>Highest withdrawal fee (%)</source>
        <translation>Höchste Auszahlungsgebühr (%)</translation>
    </message>
    <message>
        <source>A withdrawal whose mint and Lightning fees would be more than this share of it is not paid; the owner is told.</source>
        <translation>Eine Auszahlung, deren Mint- und Lightning-Gebühren mehr als diesen Anteil ausmachen würden, wird nicht ausgeführt; der Inhaber wird benachrichtigt.</translation>
    </message>
    <message>
        <source>Renew coins expiring within (days)</source>
        <translation>Münzen erneuern, die ablaufen innerhalb von (Tagen)</translation>
    </message>
    <message>
        <source>Coins on a mint&apos;s old keys, or on keys that expire this soon, are swapped for coins on its current keys automatically.</source>
        <translation>Münzen auf alten Schlüsseln einer Mint, oder auf Schlüsseln, die so bald ablaufen, werden automatisch gegen Münzen auf ihren aktuellen Schlüsseln getauscht.</translation>
    </message>
    <message>
        <source>Highest fee to renew old coins (sat)</source>
        <translation>Höchste Gebühr für das Erneuern alter Münzen (sat)</translation>
    </message>
    <message>
        <source>When a mint would charge more to swap its old coins, they are left and the owner is told.</source>
        <translation>Würde eine Mint für den Tausch ihrer alten Münzen mehr verlangen, bleiben sie, wie sie sind, und der Inhaber wird benachrichtigt.</translation>
    </message>
    <message>
        <source>Take tokens from other mints by converting them</source>
        <translation>Token anderer Mints durch Umwandlung annehmen</translation>
    </message>
    <message>
        <source>A token from a mint the shop does not trust is paid over Lightning into the shop&apos;s first mint and kept as ecash there. The customer&apos;s token pays the Lightning fee; the shop&apos;s fee limits are checked before anything is spent.</source>
        <translation>Ein Token einer Mint, der das Geschäft nicht vertraut, wird per Lightning an die erste Mint des Geschäfts gezahlt und dort als Ecash behalten. Der Token des Kunden zahlt die Lightning-Gebühr; die Gebührengrenzen des Geschäfts werden geprüft, bevor etwas ausgegeben wird.</translation>
    </message>
    <message>
        <source>Accept payments while a mint is offline</source>
        <translation>Zahlungen annehmen, während eine Mint offline ist</translation>
    </message>
    <message>
        <source>Only for tokens made out to this shop that prove they are genuine; they are redeemed when the mint is back. Up to the limits below.</source>
        <translation>Nur für Tokens, die auf diesen Laden ausgestellt sind und beweisen, dass sie echt sind; sie werden eingelöst, sobald die Mint zurück ist. Bis zu den Grenzen unten.</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Offline limit per sale (sat)</source>
        <translation>Offline-Grenze pro Verkauf (sat)</translation>
    </message>
    <message>
        <source>Largest amount accepted offline for one sale.</source>
        <translation>Größter Betrag, der für einen Verkauf offline angenommen wird.</translation>
    </message>
    <message>
        <source>Offline limit per day (sat)</source>
        <translation>Offline-Grenze pro Tag (sat)</translation>
    </message>
    <message>
        <source>Largest total accepted offline in one day.</source>
        <translation>Größte Summe, die an einem Tag offline angenommen wird.</translation>
    </message>
    <message>
        <source>Largest sale (sat)</source>
        <translation>Größter Verkauf (sat)</translation>
    </message>
    <message>
        <source>A larger sale is refused before the customer pays. 0: no limit.</source>
        <translation>Ein größerer Verkauf wird abgelehnt, bevor der Kunde zahlt. 0: keine Grenze.</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Grenzen</translation>
    </message>
    <message>
        <source>Largest sale by a cashier (sat)</source>
        <translation>Größter Verkauf durch Kassierer (sat)</translation>
    </message>
    <message>
        <source>With staff accounts, a cashier&apos;s larger sale is refused. It can only be lower than the largest sale. 0: the largest sale applies.</source>
        <translation>Mit Personalkonten wird ein größerer Verkauf eines Kassierers abgelehnt. Der Wert kann nur unter dem größten Verkauf liegen. 0: Es gilt der größte Verkauf.</translation>
    </message>
    <message>
        <source>Largest sale by a manager (sat)</source>
        <translation>Größter Verkauf durch Manager (sat)</translation>
    </message>
    <message>
        <source>With staff accounts, a manager&apos;s larger sale is refused. It can only be lower than the largest sale. 0: the largest sale applies.</source>
        <translation>Mit Personalkonten wird ein größerer Verkauf eines Managers abgelehnt. Der Wert kann nur unter dem größten Verkauf liegen. 0: Es gilt der größte Verkauf.</translation>
    </message>
    <message>
        <source>Cashiers&apos; total per day (sat)</source>
        <translation>Tagessumme der Kassierer (sat)</translation>
    </message>
    <message>
        <source>With staff accounts, online payments of the sales all cashiers make in one day (UTC) stop at this total. 0: only the shop&apos;s total per day applies.</source>
        <translation>Mit Mitarbeiterkonten enden Online-Zahlungen für die Verkäufe aller Kassierer an einem Tag (UTC) bei dieser Summe. 0: nur die Tagessumme des Ladens gilt.</translation>
    </message>
    <message>
        <source>Managers&apos; total per day (sat)</source>
        <translation>Tagessumme der Manager (sat)</translation>
    </message>
    <message>
        <source>With staff accounts, online payments of the sales all managers make in one day (UTC) stop at this total. 0: only the shop&apos;s total per day applies.</source>
        <translation>Mit Mitarbeiterkonten enden Online-Zahlungen für die Verkäufe aller Manager an einem Tag (UTC) bei dieser Summe. 0: nur die Tagessumme des Ladens gilt.</translation>
    </message>
    <message>
        <source>Largest total per day (sat)</source>
        <translation>Höchstsumme pro Tag (sat)</translation>
    </message>
    <message>
        <source>Online payments taken in one day (UTC) stop at this total. 0: no limit.</source>
        <translation>Online-Zahlungen eines Tages (UTC) enden bei dieser Summe. 0: keine Grenze.</translation>
    </message>
    <message>
        <source>Manager&apos;s OK above (sat)</source>
        <translation>Freigabe durch Manager ab (sat)</translation>
    </message>
    <message>
        <source>With staff accounts, a cashier&apos;s sale above this needs a manager&apos;s PIN. 0: never.</source>
        <translation>Mit Personalkonten braucht ein Verkauf eines Kassierers über diesem Betrag die PIN eines Managers. 0: nie.</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <source>The camera that reads customers&apos; codes, or a video file for testing.</source>
        <translation>Die Kamera, die die Codes der Kunden liest, oder eine Videodatei zum Testen.</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>Customer display</source>
        <translation>Kundenanzeige</translation>
    </message>
    <message>
        <source>A second screen that shows the customer the amount and the code.</source>
        <translation>Ein zweiter Bildschirm, der dem Kunden Betrag und Code zeigt.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The language of the app. The new language shows after a restart.</source>
        <translation>Die Sprache der App. Die neue Sprache erscheint nach einem Neustart.</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Farben</translation>
    </message>
    <message>
        <source>Light or dark screens, or the same as the computer&apos;s setting.</source>
        <translation>Helle oder dunkle Anzeige, oder wie am Computer eingestellt.</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Anzeige</translation>
    </message>
    <message>
        <source>Full screen till</source>
        <translation>Kasse im Vollbild</translation>
    </message>
    <message>
        <source>Fill the whole screen without a window frame, as a till at the counter.</source>
        <translation>Den ganzen Bildschirm ohne Fensterrahmen füllen, wie eine Kasse an der Theke.</translation>
    </message>
    <message>
        <source>First retry after (seconds)</source>
        <translation>Erster neuer Versuch nach (Sekunden)</translation>
    </message>
    <message>
        <source>When a mint does not answer, the app keeps the token and tries again after this long.</source>
        <translation>Wenn eine Mint nicht antwortet, behält die App den Token und versucht es nach dieser Zeit erneut.</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Neue Versuche</translation>
    </message>
    <message>
        <source>Wait longer each time (times)</source>
        <translation>Jedes Mal länger warten (mal)</translation>
    </message>
    <message>
        <source>Each further retry waits this many times longer than the one before (2: twice as long).</source>
        <translation>Jeder weitere Versuch wartet so viel mal länger als der vorige (2: doppelt so lange).</translation>
    </message>
    <message>
        <source>Longest wait (seconds)</source>
        <translation>Längste Wartezeit (Sekunden)</translation>
    </message>
    <message>
        <source>Retries never wait longer than this.</source>
        <translation>Zwischen zwei Versuchen wird nie länger gewartet.</translation>
    </message>
    <message>
        <source>Tries before asking the owner</source>
        <translation>Versuche, bevor der Inhaber gefragt wird</translation>
    </message>
    <message>
        <source>After this many failed tries the payment is listed under Needs attention.</source>
        <translation>Nach so vielen Fehlversuchen steht die Zahlung unter „Braucht Aufmerksamkeit“.</translation>
    </message>
    <message>
        <source>Check the mints every (seconds)</source>
        <translation>Mints prüfen alle (Sekunden)</translation>
    </message>
    <message>
        <source>How often the app checks that the shop&apos;s mints are answering.</source>
        <translation>Wie oft die App prüft, ob die Mints des Ladens antworten.</translation>
    </message>
    <message>
        <source>Where the API listens and its port: 127.0.0.1 for this computer only; 0.0.0.0 or a network address of this computer for others (encrypted, see below). Applies at the next start.</source>
        <translation>Wo die API lauscht, mit Port: 127.0.0.1 nur für diesen Computer; 0.0.0.0 oder eine Netzwerkadresse dieses Computers für andere (verschlüsselt, siehe unten). Gilt ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>API address for customers&apos; wallets</source>
        <translation>API-Adresse für die Wallets der Kunden</translation>
    </message>
    <message>
        <source>The address customers&apos; wallets reach this till&apos;s API at, e.g. https://192.168.1.20:8787: each sale&apos;s code then lets a wallet pay over the network, without the camera. Empty: no network payments. Applies at the next start.</source>
        <translation>Die Adresse, unter der die Wallets der Kunden die API dieser Kasse erreichen, z. B. https://192.168.1.20:8787: Mit dem Code jedes Verkaufs kann eine Wallet dann über das Netzwerk zahlen, ohne Kamera. Leer: keine Zahlungen über das Netzwerk. Gilt ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>Mints</source>
        <translation>Mints</translation>
    </message>
    <message>
        <source>Scheduled export</source>
        <translation>Geplanter Export</translation>
    </message>
    <message>
        <source>Export the ecash above the amount to keep, every day at this time in the shop&apos;s time zone, such as 18:30, or on some days, such as 18:30 mon-fri. Empty: off.</source>
        <translation>Exportiert das E-Cash über dem zu behaltenden Betrag, jeden Tag zu dieser Uhrzeit in der Zeitzone des Ladens, etwa 18:30, oder an bestimmten Tagen, etwa 18:30 mon-fri. Leer: aus.</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>Exporte</translation>
    </message>
    <message>
        <source>Scheduled export folder</source>
        <translation>Ordner für den geplanten Export</translation>
    </message>
    <message>
        <source>Where the token files and their list go, usually the USB drive. It must exist at export time: the app never creates it.</source>
        <translation>Wohin die Token-Dateien und ihre Liste gehen, meist das USB-Laufwerk. Der Ordner muss beim Export vorhanden sein: Die App legt ihn nie an.</translation>
    </message>
    <message>
        <source>Amount to keep per mint</source>
        <translation>Pro Mint zu behaltender Betrag</translation>
    </message>
    <message>
        <source>The scheduled export leaves this much at each mint, in each unit (sat or cents), for change; only what is above it is exported.</source>
        <translation>Der geplante Export lässt so viel bei jeder Mint, in jeder Einheit (sat oder Cent), als Wechselgeld; nur was darüber liegt, wird exportiert.</translation>
    </message>
    <message>
        <source>Watch exported tokens for (days)</source>
        <translation>Exportierte Tokens beobachten (Tage)</translation>
    </message>
    <message>
        <source>Exported tokens and customers&apos; change are checked for claims automatically for this many days; older ones only when you press Check claims.</source>
        <translation>Exportierte Tokens und das Wechselgeld der Kunden werden so viele Tage lang automatisch auf Einlösung geprüft; ältere nur, wenn Sie auf Einlösungen prüfen drücken.</translation>
    </message>
    <message>
        <source>VAT rates (%)</source>
        <translation>MwSt.-Sätze (%)</translation>
    </message>
    <message>
        <source>The VAT rates items can have, separated by commas, such as 19, 7, 0. The first is the default for items and amounts without a rate.</source>
        <translation>Die MwSt.-Sätze der Artikel, durch Kommas getrennt, etwa 19, 7, 0. Der erste gilt für Artikel und Beträge ohne eigenen Satz.</translation>
    </message>
    <message>
        <source>VAT and tips</source>
        <translation>MwSt. und Trinkgeld</translation>
    </message>
    <message>
        <source>Prices include VAT</source>
        <translation>Preise enthalten MwSt.</translation>
    </message>
    <message>
        <source>On: prices and typed amounts are what the customer pays (gross). Off: VAT is added on top of them (net).</source>
        <translation>Ein: Preise und eingetippte Beträge sind, was der Kunde zahlt (brutto). Aus: Die MwSt. kommt dazu (netto).</translation>
    </message>
    <message>
        <source>Round VAT</source>
        <translation>MwSt. runden</translation>
    </message>
    <message>
        <source>line: each line&apos;s VAT is rounded and added up. total: the VAT of each rate is worked out once on the sum of its lines.</source>
        <translation>line: Die MwSt. jeder Zeile wird gerundet und addiert. total: Die MwSt. jedes Satzes wird einmal auf der Summe seiner Zeilen berechnet.</translation>
    </message>
    <message>
        <source>Offer tips</source>
        <translation>Trinkgeld anbieten</translation>
    </message>
    <message>
        <source>Ask the customer for a tip after the total. The tip is kept apart from the sales amount.</source>
        <translation>Nach dem Gesamtbetrag nach Trinkgeld fragen. Das Trinkgeld wird getrennt vom Umsatz geführt.</translation>
    </message>
    <message>
        <source>Tip presets (%)</source>
        <translation>Trinkgeld-Vorschläge (%)</translation>
    </message>
    <message>
        <source>The tip percents offered, separated by commas; the customer can also give another amount.</source>
        <translation>Die angebotenen Prozentsätze, durch Kommas getrennt; der Kunde kann auch einen anderen Betrag geben.</translation>
    </message>
    <message>
        <source>Discount without a manager (%)</source>
        <translation>Rabatt ohne Manager (%)</translation>
    </message>
    <message>
        <source>A discount above this share of the sale needs a manager&apos;s approval.</source>
        <translation>Ein Rabatt über diesem Anteil des Verkaufs braucht die Freigabe eines Managers.</translation>
    </message>
    <message>
        <source>Local API</source>
        <translation>Lokale API</translation>
    </message>
    <message>
        <source>Serve the REST API (/api/v1) for an online shop, a kitchen screen or a kiosk on this computer; every call needs an API key. Applies at the next start.</source>
        <translation>Die REST-API (/api/v1) für einen Online-Shop, einen Küchenbildschirm oder ein Kiosk-Terminal auf diesem Computer bereitstellen; jeder Aufruf braucht einen API-Schlüssel. Gilt ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>API address</source>
        <translation>API-Adresse</translation>
    </message>
    <message>
        <source>API calls per key a minute</source>
        <translation>API-Aufrufe pro Schlüssel und Minute</translation>
    </message>
    <message>
        <source>More calls with one key are refused for a moment (429); one address may make twice as many with all its keys. Applies at the next start.</source>
        <translation>Weitere Aufrufe mit einem Schlüssel werden kurz abgelehnt (429); eine Adresse darf mit all ihren Schlüsseln doppelt so viele machen. Gilt ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>API encryption (TLS)</source>
        <translation>API-Verschlüsselung (TLS)</translation>
    </message>
    <message>
        <source>auto: a certificate the till makes itself when the address is on the network, plain HTTP on this computer only; self_signed: that certificate always; own: the shop&apos;s certificate below; off: plain HTTP (on the network only with the setting below). Applies at the next start.</source>
        <translation>auto: ein Zertifikat, das die Kasse selbst erstellt, wenn die Adresse im Netzwerk liegt, einfaches HTTP nur auf diesem Computer; self_signed: immer dieses Zertifikat; own: das Zertifikat des Geschäfts (unten); off: einfaches HTTP (im Netzwerk nur mit der Einstellung unten). Gilt ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>API certificate file</source>
        <translation>Zertifikatsdatei der API</translation>
    </message>
    <message>
        <source>With encryption own: the shop&apos;s certificate (PEM, with its chain).</source>
        <translation>Bei Verschlüsselung own: das Zertifikat des Geschäfts (PEM, mit seiner Kette).</translation>
    </message>
    <message>
        <source>API certificate key file</source>
        <translation>Schlüsseldatei des API-Zertifikats</translation>
    </message>
    <message>
        <source>With encryption own: the certificate&apos;s private key (PEM, without a password; readable only by the till&apos;s user).</source>
        <translation>Bei Verschlüsselung own: der private Schlüssel des Zertifikats (PEM, ohne Passwort; nur für den Benutzer der Kasse lesbar).</translation>
    </message>
    <message>
        <source>Plain HTTP on the network</source>
        <translation>Einfaches HTTP im Netzwerk</translation>
    </message>
    <message>
        <source>Allow encryption off on a network address: anyone on the network can then read API keys and payments. Applies at the next start.</source>
        <translation>Verschlüsselung off auf einer Netzwerkadresse erlauben: Dann kann jeder im Netzwerk API-Schlüssel und Zahlungen mitlesen. Gilt ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>API only for</source>
        <translation>API nur für</translation>
    </message>
    <message>
        <source>Addresses or networks that may call the API, separated by commas (192.168.1.0/24, 10.0.0.7); empty: every address. Applies at the next start.</source>
        <translation>Adressen oder Netzwerke, die die API aufrufen dürfen, durch Kommas getrennt (192.168.1.0/24, 10.0.0.7); leer: jede Adresse. Gilt ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>API never for</source>
        <translation>API nie für</translation>
    </message>
    <message>
        <source>Addresses or networks always refused, separated by commas. Applies at the next start.</source>
        <translation>Adressen oder Netzwerke, die immer abgewiesen werden, durch Kommas getrennt. Gilt ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>Webhooks to the local network</source>
        <translation>Webhooks ins lokale Netz</translation>
    </message>
    <message>
        <source>Allow webhook receivers on this computer or the shop&apos;s network. Link-local and cloud metadata addresses are always refused.</source>
        <translation>Webhook-Empfänger auf diesem Computer oder im Netz des Geschäfts erlauben. Link-local- und Cloud-Metadaten-Adressen werden immer abgelehnt.</translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
    <message>
        <source>Keep webhook history (days)</source>
        <translation>Webhook-Verlauf behalten (Tage)</translation>
    </message>
    <message>
        <source>Delivered and failed webhooks are forgotten after this many days.</source>
        <translation>Zugestellte und fehlgeschlagene Webhooks werden nach so vielen Tagen vergessen.</translation>
    </message>
    <message>
        <source>Old webhook secret valid for (hours)</source>
        <translation>Altes Webhook-Geheimnis gültig für (Stunden)</translation>
    </message>
    <message>
        <source>After a new secret is made, the old one also signs for this long, so receivers can be updated without losing events.</source>
        <translation>Nach einem neuen Geheimnis signiert das alte noch so lange mit, damit Empfänger ohne Verlust von Ereignissen umgestellt werden können.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Show advanced settings</source>
        <translation>Erweiterte Einstellungen zeigen</translation>
    </message>
    <message>
        <source>Audit log…</source>
        <translation>Prüfprotokoll…</translation>
    </message>
    <message>
        <source>Who did what and when; check that nobody changed the log.</source>
        <translation>Wer hat was wann getan; prüfen, dass niemand das Protokoll geändert hat.</translation>
    </message>
    <message>
        <source>Presets…</source>
        <translation>Vorlagen…</translation>
    </message>
    <message>
        <source>Settings for a cafe, a market stall, a shop with an online store…</source>
        <translation>Einstellungen für ein Café, einen Marktstand, ein Geschäft mit Onlineshop…</translation>
    </message>
    <message>
        <source>Run setup again…</source>
        <translation>Einrichtung erneut…</translation>
    </message>
    <message>
        <source>The shop, how payments are kept and the Lightning address, step by step.</source>
        <translation>Der Laden, wie Zahlungen verwahrt werden und die Lightning-Adresse, Schritt für Schritt.</translation>
    </message>
    <message>
        <source>Most shops never change these: the defaults are safe.</source>
        <translation>Die meisten Läden ändern diese nie: die Voreinstellungen sind sicher.</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Save  (Ctrl+S)</source>
        <translation>Speichern  (Strg+S)</translation>
    </message>
    <message>
        <source>Export settings…</source>
        <translation>Einstellungen exportieren…</translation>
    </message>
    <message>
        <source>Import settings…</source>
        <translation>Einstellungen importieren…</translation>
    </message>
    <message>
        <source>Setup saved.</source>
        <translation>Einrichtung gespeichert.</translation>
    </message>
    <message>
        <source>Hide advanced settings</source>
        <translation>Erweiterte Einstellungen ausblenden</translation>
    </message>
    <message>
        <source>Trusted mints</source>
        <translation>Vertrauenswürdige Mints</translation>
    </message>
    <message>
        <source>Changes to mints apply at once.</source>
        <translation>Änderungen an Mints gelten sofort.</translation>
    </message>
    <message>
        <source>This till only</source>
        <translation>Nur diese Kasse</translation>
    </message>
    <message>
        <source>Each till of the shop keeps its own value.</source>
        <translation>Jede Kasse des Geschäfts hat ihren eigenen Wert.</translation>
    </message>
    <message>
        <source>All tills</source>
        <translation>Alle Kassen</translation>
    </message>
    <message>
        <source>A change here applies to every till of the shop.</source>
        <translation>Eine Änderung hier gilt für jede Kasse des Geschäfts.</translation>
    </message>
    <message>
        <source>Unsaved changes.</source>
        <translation>Nicht gespeicherte Änderungen.</translation>
    </message>
    <message>
        <source>Imported {n} setting(s).</source>
        <translation>{n} Einstellung(en) importiert.</translation>
    </message>
    <message>
        <source>The Lightning address accepts {n} sat or more: the withdrawal threshold must be at least that.</source>
        <translation>Die Lightning-Adresse nimmt {n} sat oder mehr an: Der Auszahlungs-Schwellenwert muss mindestens so hoch sein.</translation>
    </message>
    <message>
        <source>{n} setting(s) not saved: see the message under each.</source>
        <translation>{n} Einstellung(en) nicht gespeichert: siehe Hinweis unter jedem Feld.</translation>
    </message>
    <message>
        <source>Saved {n} setting(s).</source>
        <translation>{n} Einstellung(en) gespeichert.</translation>
    </message>
    <message>
        <source>Nothing to save: no setting was changed.</source>
        <translation>Nichts zu speichern: keine Einstellung wurde geändert.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up the point of sale</source>
        <translation>Kasse einrichten</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Help  F1</source>
        <translation>Hilfe  F1</translation>
    </message>
    <message>
        <source>What this step means, in the app&apos;s own help</source>
        <translation>Was dieser Schritt bedeutet, in der Hilfe der App</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Step {i} of {n}</source>
        <translation>Schritt {i} von {n}</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Start training</source>
        <translation>Training starten</translation>
    </message>
    <message>
        <source>taken from {var}</source>
        <translation>aus {var} übernommen</translation>
    </message>
    <message>
        <source>kept in this computer&apos;s keyring</source>
        <translation>im Schlüsselbund dieses Computers</translation>
    </message>
    <message>
        <source>made from your passphrase, asked at every start</source>
        <translation>aus Ihrer Passphrase, bei jedem Start abgefragt</translation>
    </message>
    <message>
        <source>Wallet: restored from {n} recovery words</source>
        <translation>Wallet: aus {n} Wiederherstellungswörtern wiederhergestellt</translation>
    </message>
    <message>
        <source>Wallet: new, with the {n} recovery words you wrote down</source>
        <translation>Wallet: neu, mit den {n} Wiederherstellungswörtern, die Sie aufgeschrieben haben</translation>
    </message>
    <message>
        <source>Database key: {method}</source>
        <translation>Datenbankschlüssel: {method}</translation>
    </message>
    <message>
        <source>Trusted mints: {mints}</source>
        <translation>Vertrauenswürdige Mints: {mints}</translation>
    </message>
    <message>
        <source>Shop: {name}, prices in {currency}</source>
        <translation>Geschäft: {name}, Preise in {currency}</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(kein Name)</translation>
    </message>
    <message>
        <source>Payments: {mode}</source>
        <translation>Zahlungen: {mode}</translation>
    </message>
    <message>
        <source>Preset: {preset}</source>
        <translation>Vorlage: {preset}</translation>
    </message>
    <message>
        <source>Owner: {name}, with a PIN</source>
        <translation>Inhaber: {name}, mit PIN</translation>
    </message>
    <message>
        <source>Owner: no staff accounts (add them later in Settings, Staff)</source>
        <translation>Inhaber: keine Personalkonten (später unter Einstellungen, Personal anlegen)</translation>
    </message>
    <message>
        <source>Data folder: {path}</source>
        <translation>Datenordner: {path}</translation>
    </message>
    <message>
        <source>Fees and limits: the usual ones</source>
        <translation>Gebühren und Grenzen: die üblichen</translation>
    </message>
    <message>
        <source>Fees and limits: {changes}</source>
        <translation>Gebühren und Grenzen: {changes}</translation>
    </message>
    <message>
        <source>Exchange rate now: 1 BTC = {price} {currency}</source>
        <translation>Wechselkurs jetzt: 1 BTC = {price} {currency}</translation>
    </message>
    <message>
        <source>Lightning address: {address} ({low} to {high} sat)</source>
        <translation>Lightning-Adresse: {address} ({low} bis {high} sat)</translation>
    </message>
    <message>
        <source>Lightning address: none (add it later in Settings)</source>
        <translation>Lightning-Adresse: keine (später in den Einstellungen hinzufügen)</translation>
    </message>
    <message>
        <source>Joining the shop&apos;s database…</source>
        <translation>Der Datenbank des Geschäfts beitreten…</translation>
    </message>
    <message>
        <source>Creating the shop&apos;s database…</source>
        <translation>Die Datenbank des Geschäfts wird angelegt…</translation>
    </message>
    <message>
        <source>Creating the encrypted wallet…</source>
        <translation>Verschlüsselte Wallet wird angelegt …</translation>
    </message>
    <message>
        <source>Adding the mint {url}…</source>
        <translation>Mint {url} wird hinzugefügt …</translation>
    </message>
    <message>
        <source>Saving the shop&apos;s settings…</source>
        <translation>Einstellungen des Geschäfts werden gespeichert…</translation>
    </message>
    <message>
        <source>The wallet was created, but a mint could not be added: {reason} Press Finish to try again, or go Back to change the mints.</source>
        <translation>Die Wallet wurde angelegt, aber eine Mint konnte nicht hinzugefügt werden: {reason} Drücken Sie „Fertig“, um es erneut zu versuchen, oder „Zurück“, um die Mints zu ändern.</translation>
    </message>
</context>
<context>
    <name>ShopMintsBanner</name>
    <message>
        <source>The shop&apos;s mint is offline: %1. A payment cannot be confirmed now; a token taken meanwhile is at the shop&apos;s risk until the mint is back.</source>
        <translation>Die Mint des Geschäfts ist offline: %1. Eine Zahlung kann jetzt nicht bestätigt werden; ein in der Zwischenzeit angenommener Token ist auf Risiko des Geschäfts, bis die Mint zurück ist.</translation>
    </message>
    <message>
        <source>Offline now: %1. Tokens from that mint cannot be confirmed; tokens from the shop&apos;s other mints are fine.</source>
        <translation>Jetzt offline: %1. Token dieser Mint können nicht bestätigt werden; Token der anderen Mints des Geschäfts gehen.</translation>
    </message>
</context>
<context>
    <name>ShopPage</name>
    <message>
        <source>Your shop</source>
        <translation>Ihr Geschäft</translation>
    </message>
    <message>
        <source>Printed at the top of receipts and reports. You can change it later.</source>
        <translation>Wird oben auf Belegen und Berichten gedruckt. Sie können es später ändern.</translation>
    </message>
    <message>
        <source>Corner Café</source>
        <translation>Eck-Café</translation>
    </message>
    <message>
        <source>1 Main Street | 10115 Berlin</source>
        <translation>Hauptstraße 1 | 10115 Berlin</translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation>Name des Geschäfts</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>VAT number</source>
        <translation>USt-IdNr.</translation>
    </message>
    <message>
        <source>Prices in</source>
        <translation>Preise in</translation>
    </message>
    <message>
        <source>A currency other than sat needs an exchange rate: the app asks public rate services; set a fixed rate in Settings if the till is offline.</source>
        <translation>Eine andere Währung als sat braucht einen Wechselkurs: Die App fragt öffentliche Kursdienste ab; legen Sie in den Einstellungen einen festen Kurs fest, wenn die Kasse offline ist.</translation>
    </message>
    <message>
        <source>Getting the {currency} rate…</source>
        <translation>{currency}-Kurs wird abgerufen…</translation>
    </message>
    <message>
        <source>Now 1 BTC = {price} {currency} ({source}).</source>
        <translation>Jetzt 1 BTC = {price} {currency} ({source}).</translation>
    </message>
    <message>
        <source>No {currency} rate now ({reason}). Sales in {currency} need one: check the internet, or set a fixed rate in Settings after setup.</source>
        <translation>Gerade kein {currency}-Kurs ({reason}). Verkäufe in {currency} brauchen einen: prüfen Sie die Internetverbindung oder legen Sie nach der Einrichtung einen festen Kurs in den Einstellungen fest.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>a cashier</source>
        <translation>eines Kassierers</translation>
    </message>
    <message>
        <source>a manager</source>
        <translation>eines Managers</translation>
    </message>
    <message>
        <source>the owner</source>
        <translation>des Inhabers</translation>
    </message>
    <message>
        <source>cashier</source>
        <translation>Kassierer</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>Inhaber</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Allow</source>
        <translation>Erlauben</translation>
    </message>
    <message>
        <source>Who is at the till?</source>
        <translation>Wer ist an der Kasse?</translation>
    </message>
    <message>
        <source>This needs {who}&apos;s PIN.</source>
        <translation>Dafür ist die PIN {who} nötig.</translation>
    </message>
    <message>
        <source>Choose your name and type your PIN.</source>
        <translation>Wählen Sie Ihren Namen und geben Sie Ihre PIN ein.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Nobody here may do this.</source>
        <translation>Niemand hier darf das tun.</translation>
    </message>
</context>
<context>
    <name>StaffPanel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Letzte Anmeldung</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>Gesperrt bis</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Change PIN…</source>
        <translation>PIN ändern…</translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation>Rolle ändern…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Add staff</source>
        <translation>Personal hinzufügen</translation>
    </message>
    <message>
        <source>Added.</source>
        <translation>Hinzugefügt.</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>Neue PIN</translation>
    </message>
    <message>
        <source>PIN changed.</source>
        <translation>PIN geändert.</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>Rolle ändern</translation>
    </message>
    <message>
        <source>Role changed.</source>
        <translation>Rolle geändert.</translation>
    </message>
    <message>
        <source>Unlocked.</source>
        <translation>Entsperrt.</translation>
    </message>
    <message>
        <source>Remove {name}&apos;s account?</source>
        <translation>Das Konto von {name} entfernen?</translation>
    </message>
    <message>
        <source>They can no longer sign in. What they did stays in the audit log.</source>
        <translation>Die Person kann sich nicht mehr anmelden. Was sie getan hat, bleibt im Prüfprotokoll.</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>Removed.</source>
        <translation>Entfernt.</translation>
    </message>
</context>
<context>
    <name>StatusLight</name>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Slow</source>
        <translation>Langsam</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>Noch nicht geprüft</translation>
    </message>
</context>
<context>
    <name>StorageChoice</name>
    <message>
        <source>Where this till keeps the wallet</source>
        <translation>Wo diese Kasse das Wallet aufbewahrt</translation>
    </message>
    <message>
        <source>This till only (encrypted file on this computer)</source>
        <translation>Nur diese Kasse (verschlüsselte Datei auf diesem Computer)</translation>
    </message>
    <message>
        <source>Create the shop&apos;s database (first till)</source>
        <translation>Die Datenbank des Geschäfts anlegen (erste Kasse)</translation>
    </message>
    <message>
        <source>Join the shop&apos;s database</source>
        <translation>Der Datenbank des Geschäfts beitreten</translation>
    </message>
    <message>
        <source>One till: the wallet in an encrypted file on this computer.</source>
        <translation>Eine Kasse: das Wallet in einer verschlüsselten Datei auf diesem Computer.</translation>
    </message>
    <message>
        <source>Several tills share one PostgreSQL database: the first till creates the shop there, with its recovery words.</source>
        <translation>Mehrere Kassen teilen sich eine PostgreSQL-Datenbank: Die erste Kasse legt dort das Geschäft mit seinen Wiederherstellungswörtern an.</translation>
    </message>
    <message>
        <source>Another till of the shop made an enrolment file: this till joins the shop with it (the shop&apos;s recovery words are in its database).</source>
        <translation>Eine andere Kasse des Geschäfts hat eine Beitrittsdatei erstellt: Diese Kasse tritt damit dem Geschäft bei (die Wiederherstellungswörter des Geschäfts liegen in seiner Datenbank).</translation>
    </message>
</context>
<context>
    <name>StoragePage</name>
    <message>
        <source>The shop&apos;s database</source>
        <translation>Die Datenbank des Geschäfts</translation>
    </message>
    <message>
        <source>Verify the server (TLS with the shop&apos;s CA certificate)</source>
        <translation>Den Server prüfen (TLS mit dem CA-Zertifikat des Geschäfts)</translation>
    </message>
    <message>
        <source>The CA certificate of the shop&apos;s database server</source>
        <translation>Das CA-Zertifikat des Datenbankservers des Geschäfts</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The enrolment file</source>
        <translation>Die Beitrittsdatei</translation>
    </message>
    <message>
        <source>Enrolment files (*.json);;All files (*)</source>
        <translation>Beitrittsdateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>e.g. Counter 1 (empty: Till 1, Till 2, …)</source>
        <translation>z. B. Theke 1 (leer: Till 1, Till 2, …)</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA-Datei</translation>
    </message>
    <message>
        <source>Enrolment file</source>
        <translation>Beitrittsdatei</translation>
    </message>
    <message>
        <source>Its passphrase</source>
        <translation>Seine Passphrase</translation>
    </message>
    <message>
        <source>Database password</source>
        <translation>Datenbank-Passwort</translation>
    </message>
    <message>
        <source>This till&apos;s name</source>
        <translation>Name dieser Kasse</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Join the shop with the enrolment file made on one of its tills (pos-app storage enrol). The database&apos;s address comes from the file.</source>
        <translation>Treten Sie dem Geschäft mit der Beitrittsdatei bei, die auf einer seiner Kassen erstellt wurde (pos-app storage enrol). Die Adresse der Datenbank steht in der Datei.</translation>
    </message>
    <message>
        <source>This till creates the shop on an empty PostgreSQL database. The other tills join it later with an enrolment file.</source>
        <translation>Diese Kasse legt das Geschäft in einer leeren PostgreSQL-Datenbank an. Die anderen Kassen treten später mit einer Beitrittsdatei bei.</translation>
    </message>
    <message>
        <source>{var} is set: leave the password empty to use it.</source>
        <translation>{var} ist gesetzt: Lassen Sie das Passwort leer, um es zu verwenden.</translation>
    </message>
    <message>
        <source>The password is kept in this computer&apos;s keyring, never in a file. Without a keyring, start the app with {var} set instead.</source>
        <translation>Das Passwort wird im Schlüsselbund dieses Computers aufbewahrt, nie in einer Datei. Ohne Schlüsselbund starten Sie die App stattdessen mit gesetztem {var}.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Connected to PostgreSQL {version} at {where}.</source>
        <translation>Verbunden mit PostgreSQL {version} auf {where}.</translation>
    </message>
    <message>
        <source>It holds the shop (tills so far: {n}; the enrolment file was made on {till}): this till joins it.</source>
        <translation>Sie enthält das Geschäft (bisher {n} Kassen; die Beitrittsdatei wurde auf {till} erstellt): Diese Kasse tritt bei.</translation>
    </message>
    <message>
        <source>Storage: joins the shop&apos;s database at {where} as {name}</source>
        <translation>Speicher: tritt der Datenbank des Geschäfts auf {where} als {name} bei</translation>
    </message>
    <message>
        <source>The database is empty: Finish creates the shop there.</source>
        <translation>Die Datenbank ist leer: Fertigstellen legt das Geschäft dort an.</translation>
    </message>
    <message>
        <source>The password comes from {var}.</source>
        <translation>Das Passwort kommt aus {var}.</translation>
    </message>
    <message>
        <source>The password will be kept in this computer&apos;s keyring.</source>
        <translation>Das Passwort wird im Schlüsselbund dieses Computers aufbewahrt.</translation>
    </message>
    <message>
        <source>The server asked for no password.</source>
        <translation>Der Server verlangte kein Passwort.</translation>
    </message>
    <message>
        <source>Wrong user name or password: the server refused them. Check both.</source>
        <translation>Falscher Benutzername oder falsches Passwort: Der Server hat sie abgelehnt. Prüfen Sie beides.</translation>
    </message>
    <message>
        <source>The server asks for a password: type it (or set {var}).</source>
        <translation>Der Server verlangt ein Passwort: Geben Sie es ein (oder setzen Sie {var}).</translation>
    </message>
    <message>
        <source>No database server answers at that address. Check the server&apos;s name, the port, and that the server runs.</source>
        <translation>Unter dieser Adresse antwortet kein Datenbankserver. Prüfen Sie den Servernamen, den Port und ob der Server läuft.</translation>
    </message>
    <message>
        <source>The server has no database of that name. Check the name, or ask for the database to be made.</source>
        <translation>Der Server hat keine Datenbank dieses Namens. Prüfen Sie den Namen oder lassen Sie die Datenbank anlegen.</translation>
    </message>
    <message>
        <source>The secure connection failed: the server does not offer TLS, or its certificate does not match the CA file or the server&apos;s name.</source>
        <translation>Die sichere Verbindung ist fehlgeschlagen: Der Server bietet kein TLS an, oder sein Zertifikat passt nicht zur CA-Datei oder zum Servernamen.</translation>
    </message>
    <message>
        <source>The server refuses this computer or this user. Ask for it to be let in (pg_hba.conf).</source>
        <translation>Der Server weist diesen Computer oder diesen Benutzer ab. Lassen Sie ihn zulassen (pg_hba.conf).</translation>
    </message>
    <message>
        <source>This user may not create tables in the database. Make the user the database&apos;s owner.</source>
        <translation>Dieser Benutzer darf in der Datenbank keine Tabellen anlegen. Machen Sie ihn zum Eigentümer der Datenbank.</translation>
    </message>
    <message>
        <source>This database already holds a shop. Give an empty database, or choose Join the shop&apos;s database with an enrolment file from one of its tills.</source>
        <translation>Diese Datenbank enthält schon ein Geschäft. Geben Sie eine leere Datenbank an, oder wählen Sie „Der Datenbank des Geschäfts beitreten“ mit einer Beitrittsdatei von einer seiner Kassen.</translation>
    </message>
    <message>
        <source>This database is not empty: it holds tables of another program. Give the shop an empty database of its own.</source>
        <translation>Diese Datenbank ist nicht leer: Sie enthält Tabellen eines anderen Programms. Geben Sie dem Geschäft eine eigene leere Datenbank.</translation>
    </message>
    <message>
        <source>This database holds no shop yet. Create the shop on the first till.</source>
        <translation>Diese Datenbank enthält noch kein Geschäft. Legen Sie das Geschäft auf der ersten Kasse an.</translation>
    </message>
    <message>
        <source>The enrolment file is for another shop than the one this database holds.</source>
        <translation>Die Beitrittsdatei gehört zu einem anderen Geschäft als dem in dieser Datenbank.</translation>
    </message>
    <message>
        <source>The shop already has a till of that name. Choose another name.</source>
        <translation>Das Geschäft hat schon eine Kasse dieses Namens. Wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>The passphrase does not open this enrolment file.</source>
        <translation>Die Passphrase öffnet diese Beitrittsdatei nicht.</translation>
    </message>
    <message>
        <source>The enrolment file is damaged or was changed.</source>
        <translation>Die Beitrittsdatei ist beschädigt oder wurde verändert.</translation>
    </message>
    <message>
        <source>Choose the enrolment file.</source>
        <translation>Wählen Sie die Beitrittsdatei.</translation>
    </message>
    <message>
        <source>Type the enrolment file&apos;s passphrase.</source>
        <translation>Geben Sie die Passphrase der Beitrittsdatei ein.</translation>
    </message>
    <message>
        <source>Choose the CA file to verify the server with.</source>
        <translation>Wählen Sie die CA-Datei, mit der der Server geprüft wird.</translation>
    </message>
    <message>
        <source>This computer has no keyring to keep the database password in. Start the app with {var} set to it (the password is never written to a file).</source>
        <translation>Dieser Computer hat keinen Schlüsselbund für das Datenbank-Passwort. Starten Sie die App mit {var} auf dieses Passwort gesetzt (das Passwort wird nie in eine Datei geschrieben).</translation>
    </message>
    <message>
        <source>{var} is set to another password. Leave the password empty to use it, or change {var}.</source>
        <translation>{var} ist auf ein anderes Passwort gesetzt. Lassen Sie das Passwort leer, um es zu verwenden, oder ändern Sie {var}.</translation>
    </message>
    <message>
        <source>a numbered till</source>
        <translation>eine nummerierte Kasse</translation>
    </message>
    <message>
        <source>Storage: creates the shop&apos;s database at {where}; this till is {name}</source>
        <translation>Speicher: legt die Datenbank des Geschäfts auf {where} an; diese Kasse ist {name}</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Check the choices, then press Finish.</source>
        <translation>Prüfen Sie die Auswahl und drücken Sie dann „Fertig“.</translation>
    </message>
</context>
<context>
    <name>TipChooser</name>
    <message>
        <source>Would you like to add a tip?</source>
        <translation>Möchten Sie Trinkgeld geben?</translation>
    </message>
    <message>
        <source>No tip</source>
        <translation>Kein Trinkgeld</translation>
    </message>
    <message>
        <source>Other amount</source>
        <translation>Anderer Betrag</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Total: %1 %2</source>
        <translation>Summe: %1 %2</translation>
    </message>
</context>
<context>
    <name>TipPad</name>
    <message>
        <source>Add this tip</source>
        <translation>Dieses Trinkgeld geben</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>TokenFolderRow</name>
    <message>
        <source>Folder for the token file (optional)</source>
        <translation>Ordner für die Token-Datei (optional)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Save the refund token to</source>
        <translation>Erstattungs-Token speichern in</translation>
    </message>
</context>
<context>
    <name>TokenResult</name>
    <message>
        <source>Copy token</source>
        <translation>Token kopieren</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Long token: the QR code is animated; scan it until it completes.</source>
        <translation>Langer Token: Der QR-Code ist animiert; scannen, bis er vollständig ist.</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
</context>
<context>
    <name>TrainingStart</name>
    <message>
        <source>Training mode</source>
        <translation>Trainingsmodus</translation>
    </message>
    <message>
        <source>Starting the training mint...</source>
        <translation>Die Trainings-Mint wird gestartet...</translation>
    </message>
    <message>
        <source>Training mode could not start: {reason}</source>
        <translation>Der Trainingsmodus konnte nicht starten: {reason}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>TrainingTitles</name>
    <message>
        <source>TRAINING</source>
        <translation>TRAINING</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Cashu point of sale</source>
        <translation>Cashu-Kasse</translation>
    </message>
</context>
<context>
    <name>UiContext</name>
    <message>
        <source>Nothing was done: it needs {who}&apos;s PIN.</source>
        <translation>Nichts wurde ausgeführt: Dafür ist die PIN {who} nötig.</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock the wallet</source>
        <translation>Wallet entsperren</translation>
    </message>
    <message>
        <source>Enter the passphrase of the shop&apos;s wallet.</source>
        <translation>Geben Sie die Passphrase der Wallet des Ladens ein.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Wallet folder: {path}</source>
        <translation>Wallet-Ordner: {path}</translation>
    </message>
    <message>
        <source>The wallet cannot be opened</source>
        <translation>Die Wallet lässt sich nicht öffnen</translation>
    </message>
    <message>
        <source>The wallet is unchanged: the app never replaces it with a new one. Fix the problem below and press Try again, or Quit.</source>
        <translation>Die Wallet ist unverändert: die App ersetzt sie nie durch eine neue. Beheben Sie das Problem unten und drücken Sie „Erneut versuchen“, oder „Beenden“.</translation>
    </message>
    <message>
        <source>Wrong passphrase. Check it and try again.</source>
        <translation>Falsche Passphrase. Prüfen Sie sie und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The key in {var} does not open this wallet.</source>
        <translation>Der Schlüssel in {var} öffnet diese Wallet nicht.</translation>
    </message>
    <message>
        <source>This computer&apos;s keyring has no key for this wallet. Log in to your desktop session or unlock the keyring, then try again.</source>
        <translation>Der Schlüsselbund dieses Computers hat keinen Schlüssel für diese Wallet. Melden Sie sich an der Desktop-Sitzung an oder entsperren Sie den Schlüsselbund, dann erneut versuchen.</translation>
    </message>
    <message>
        <source>This wallet&apos;s key was given in {var}, which is not set now. Start the app with the same {var}.</source>
        <translation>Der Schlüssel dieser Wallet kam aus {var}, das jetzt nicht gesetzt ist. Starten Sie die App mit demselben {var}.</translation>
    </message>
    <message>
        <source>The shop&apos;s database server does not answer. Check that it runs and that this computer is on the shop&apos;s network, then press Try again.</source>
        <translation>Der Datenbankserver des Geschäfts antwortet nicht. Prüfen Sie, ob er läuft und dieser Computer im Netzwerk des Geschäfts ist, und drücken Sie dann „Erneut versuchen“.</translation>
    </message>
    <message>
        <source>The shop&apos;s database server refused the user name or the password. If the password was changed, start the app with {var} set to the new one.</source>
        <translation>Der Datenbankserver des Geschäfts hat den Benutzernamen oder das Passwort abgelehnt. Wurde das Passwort geändert, starten Sie die App mit {var} auf das neue gesetzt.</translation>
    </message>
    <message>
        <source>The shop&apos;s database server asks for a password, and this computer has none for it in its keyring. Start the app with {var} set to it.</source>
        <translation>Der Datenbankserver des Geschäfts verlangt ein Passwort, und dieser Computer hat keines dafür in seinem Schlüsselbund. Starten Sie die App mit {var} auf dieses Passwort gesetzt.</translation>
    </message>
    <message>
        <source>The shop&apos;s database is no longer on its server. Ask whoever runs the server.</source>
        <translation>Die Datenbank des Geschäfts ist nicht mehr auf ihrem Server. Fragen Sie, wer den Server betreibt.</translation>
    </message>
    <message>
        <source>The secure connection to the shop&apos;s database server failed: its certificate does not match the CA file or the server&apos;s name.</source>
        <translation>Die sichere Verbindung zum Datenbankserver des Geschäfts ist fehlgeschlagen: Sein Zertifikat passt nicht zur CA-Datei oder zum Namen des Servers.</translation>
    </message>
    <message>
        <source>The shop&apos;s database server refuses this computer or this user. Ask for it to be let in (pg_hba.conf).</source>
        <translation>Der Datenbankserver des Geschäfts weist diesen Computer oder diesen Benutzer ab. Bitten Sie darum, ihn zuzulassen (pg_hba.conf).</translation>
    </message>
    <message>
        <source>The shop&apos;s database server did not let this till in. Try again; if it keeps failing, ask whoever runs the server.</source>
        <translation>Der Datenbankserver des Geschäfts hat diese Kasse nicht hereingelassen. Versuchen Sie es erneut; scheitert es weiter, fragen Sie, wer den Server betreibt.</translation>
    </message>
</context>
<context>
    <name>WalletPage</name>
    <message>
        <source>Wallet</source>
        <translation>Wallet</translation>
    </message>
    <message>
        <source>Mint</source>
        <translation>Mint</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Guthaben</translation>
    </message>
    <message>
        <source>No ecash yet. Take a payment or import a token.</source>
        <translation>Noch kein E-Cash. Nehmen Sie eine Zahlung an oder importieren Sie einen Token.</translation>
    </message>
    <message>
        <source>Export to file… (Ctrl+E)</source>
        <translation>In Datei exportieren … (Strg+E)</translation>
    </message>
    <message>
        <source>Import… (Ctrl+I)</source>
        <translation>Importieren … (Strg+I)</translation>
    </message>
    <message>
        <source>Check with the mints</source>
        <translation>Bei den Mints nachfragen</translation>
    </message>
    <message>
        <source>Ask the mints which exported tokens were redeemed and which coins are spent.</source>
        <translation>Die Mints fragen, welche exportierten Tokens eingelöst und welche Münzen ausgegeben sind.</translation>
    </message>
    <message>
        <source>Exported tokens</source>
        <translation>Exportierte Token</translation>
    </message>
    <message>
        <source>Withdrawals to Lightning</source>
        <translation>Auszahlungen an Lightning</translation>
    </message>
    <message>
        <source>Total {amount}</source>
        <translation>Gesamt {amount}</translation>
    </message>
    <message>
        <source>Checking with the mints…</source>
        <translation>Frage bei den Mints nach …</translation>
    </message>
    <message>
        <source>Checked {n} coins.</source>
        <translation>{n} Münzen geprüft.</translation>
    </message>
    <message>
        <source>{n} exported token(s) were redeemed.</source>
        <translation>{n} exportierte(r) Token wurde(n) eingelöst.</translation>
    </message>
    <message>
        <source>{n} exported token(s) were partly redeemed.</source>
        <translation>{n} exportierte(r) Token wurde(n) teilweise eingelöst.</translation>
    </message>
    <message>
        <source>{n} coin(s) were spent.</source>
        <translation>{n} Münze(n) wurde(n) ausgegeben.</translation>
    </message>
    <message>
        <source>{n} stuck coin(s) were returned to the balance.</source>
        <translation>{n} hängende Münze(n) zurück im Guthaben.</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>Nichts hat sich geändert.</translation>
    </message>
    <message>
        <source>{mint} could not be checked: {reason}.</source>
        <translation>{mint} konnte nicht geprüft werden: {reason}.</translation>
    </message>
</context>
<context>
    <name>WebhookPanel</name>
    <message>
        <source>All events (or e.g. sale.paid,sale.cancelled)</source>
        <translation>Alle Ereignisse (oder z. B. sale.paid,sale.cancelled)</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Numo compatible</source>
        <translation>Numo-kompatibel</translation>
    </message>
    <message>
        <source>BTCPay signature too</source>
        <translation>Auch BTCPay-Signatur</translation>
    </message>
    <message>
        <source>Add receiver</source>
        <translation>Empfänger hinzufügen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Signing secret: copy it into the receiver now, it is not shown again.</source>
        <translation>Signatur-Geheimnis: jetzt in den Empfänger kopieren, es wird nicht wieder angezeigt.</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Last delivery</source>
        <translation>Letzte Zustellung</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Send test event</source>
        <translation>Testereignis senden</translation>
    </message>
    <message>
        <source>New secret</source>
        <translation>Neues Geheimnis</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Attempts…</source>
        <translation>Versuche…</translation>
    </message>
    <message>
        <source>Redeliver</source>
        <translation>Erneut zustellen</translation>
    </message>
    <message>
        <source>Redeliver all failed</source>
        <translation>Alle fehlgeschlagenen erneut zustellen</translation>
    </message>
    <message>
        <source>Delivery history</source>
        <translation>Zustellverlauf</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartend</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>wird gesendet</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>zugestellt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Änderungen speichern</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <source>This computer holds the shop&apos;s ecash wallet. Let&apos;s set it up.</source>
        <translation>Dieser Computer hält die E-Cash-Wallet des Ladens. Richten wir sie ein.</translation>
    </message>
    <message>
        <source>Create a new wallet</source>
        <translation>Neue Wallet anlegen</translation>
    </message>
    <message>
        <source>Restore a wallet from its recovery words</source>
        <translation>Wallet aus Wiederherstellungswörtern wiederherstellen</translation>
    </message>
    <message>
        <source>Try it first (training mode)</source>
        <translation>Erst ausprobieren (Trainingsmodus)</translation>
    </message>
    <message>
        <source>For a new shop: you get 12 recovery words to write down.</source>
        <translation>Für einen neuen Laden: Sie bekommen 12 Wiederherstellungswörter zum Aufschreiben.</translation>
    </message>
    <message>
        <source>You have the 12 or 24 words of an earlier wallet.</source>
        <translation>Sie haben die 12 oder 24 Wörter einer früheren Wallet.</translation>
    </message>
    <message>
        <source>Play money on a test mint that runs on this computer: practise sales before the shop is set up. Nothing is made for the shop yet; App, Leave training mode comes back here.</source>
        <translation>Spielgeld auf einer Test-Mint, die auf diesem Computer läuft: Verkäufe üben, bevor das Geschäft eingerichtet ist. Für das Geschäft wird noch nichts angelegt; App, Trainingsmodus verlassen führt hierher zurück.</translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <source>Withdraw to Lightning</source>
        <translation>An Lightning auszahlen</translation>
    </message>
    <message>
        <source>Withdraw to the shop&apos;s Lightning address</source>
        <translation>An die Lightning-Adresse des Geschäfts auszahlen</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Mint</source>
        <translation>Mint</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Guthaben</translation>
    </message>
    <message>
        <source>To withdraw</source>
        <translation>Auszuzahlen</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Reading the Lightning address&apos;s limits…</source>
        <translation>Grenzen der Lightning-Adresse werden gelesen…</translation>
    </message>
    <message>
        <source>Pay out</source>
        <translation>Auszahlen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>All mints ({n})</source>
        <translation>Alle Mints ({n})</translation>
    </message>
    <message>
        <source>No trusted mint holds any ecash: nothing to withdraw.</source>
        <translation>Keine vertrauenswürdige Mint hält Ecash: nichts auszuzahlen.</translation>
    </message>
    <message>
        <source>Nothing can be withdrawn from this choice now.</source>
        <translation>Mit dieser Auswahl kann derzeit nichts ausgezahlt werden.</translation>
    </message>
    <message>
        <source>About {total} in all will be paid to {address}. Each mint pays {percent}% of its balance, the rest pays the fees. A mint whose fees would be more than {cap}% pays nothing.</source>
        <translation>Insgesamt werden etwa {total} an {address} gezahlt. Jede Mint zahlt {percent}% ihres Guthabens, der Rest deckt die Gebühren. Eine Mint, deren Gebühren über {cap}% lägen, zahlt nichts.</translation>
    </message>
    <message>
        <source>Pay out {total}</source>
        <translation>{total} auszahlen</translation>
    </message>
    <message>
        <source>Pay out {total} from {n} mints</source>
        <translation>{total} aus {n} Mints auszahlen</translation>
    </message>
    <message>
        <source>A payout from this mint is still in progress</source>
        <translation>Eine Auszahlung von dieser Mint läuft noch</translation>
    </message>
    <message>
        <source>Less than the {minimum} the address accepts</source>
        <translation>Weniger als die {minimum}, die die Adresse annimmt</translation>
    </message>
    <message>
        <source>Paying out… (each mint in turn)</source>
        <translation>Wird ausgezahlt… (eine Mint nach der anderen)</translation>
    </message>
    <message>
        <source>In all: {paid} paid, fees {fees}.</source>
        <translation>Insgesamt: {paid} gezahlt, Gebühren {fees}.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>{mint}: {amount} paid (fee {fee}).</source>
        <translation>{mint}: {amount} gezahlt (Gebühr {fee}).</translation>
    </message>
    <message>
        <source>{mint}: {amount} on its way; the app checks it and finishes it by itself.</source>
        <translation>{mint}: {amount} unterwegs; die App prüft es und schließt es selbst ab.</translation>
    </message>
    <message>
        <source>{mint}: not paid. {reason}</source>
        <translation>{mint}: nicht gezahlt. {reason}</translation>
    </message>
    <message>
        <source>Nothing was paid.</source>
        <translation>Nichts wurde gezahlt.</translation>
    </message>
</context>
<context>
    <name>WithdrawHistory</name>
    <message>
        <source>Withdrawals to Lightning</source>
        <translation>Auszahlungen an Lightning</translation>
    </message>
    <message>
        <source>Withdraw to Lightning…</source>
        <translation>An Lightning auszahlen…</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Mint</source>
        <translation>Mint</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Gebühr</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Proof</source>
        <translation>Nachweis</translation>
    </message>
    <message>
        <source>Nothing was withdrawn yet.</source>
        <translation>Noch nichts ausgezahlt.</translation>
    </message>
    <message>
        <source>Pay the shop&apos;s ecash out to {address}.</source>
        <translation>Das Ecash des Geschäfts an {address} auszahlen.</translation>
    </message>
    <message>
        <source>To {address}</source>
        <translation>An {address}</translation>
    </message>
    <message>
        <source>No Lightning address is set: set the shop&apos;s Lightning address in Settings to withdraw.</source>
        <translation>Keine Lightning-Adresse festgelegt: Legen Sie die Lightning-Adresse des Geschäfts in den Einstellungen fest, um auszuzahlen.</translation>
    </message>
    <message>
        <source>Preimage: {preimage}</source>
        <translation>Preimage: {preimage}</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <source>Paid (finished later)</source>
        <translation>Bezahlt (später abgeschlossen)</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Prüfung nötig</translation>
    </message>
    <message>
        <source>Not paid</source>
        <translation>Nicht bezahlt</translation>
    </message>
    <message>
        <source>Preimage checked</source>
        <translation>Preimage geprüft</translation>
    </message>
    <message>
        <source>Confirmed by the address</source>
        <translation>Von der Adresse bestätigt</translation>
    </message>
    <message>
        <source>Not proven</source>
        <translation>Nicht nachgewiesen</translation>
    </message>
    <message>
        <source>Proof does not match!</source>
        <translation>Nachweis stimmt nicht überein!</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>Already spent</source>
        <translation>Bereits ausgegeben</translation>
    </message>
    <message>
        <source>This token was already used, here or elsewhere. Ask the customer to send a new one.</source>
        <translation>Dieser Token wurde schon verwendet, hier oder anderswo. Bitten Sie den Kunden um einen neuen.</translation>
    </message>
    <message>
        <source>Token in use</source>
        <translation>Token in Gebrauch</translation>
    </message>
    <message>
        <source>This token is being redeemed right now. Wait a moment; if the sale does not turn paid, ask the customer for a new token.</source>
        <translation>Dieser Token wird gerade eingelöst. Warten Sie kurz; wird der Verkauf nicht bezahlt, bitten Sie den Kunden um einen neuen Token.</translation>
    </message>
    <message>
        <source>The mint is still settling this token. Wait a moment; if the sale does not turn paid, ask the customer for a new token.</source>
        <translation>Die Mint bearbeitet diesen Token noch. Warten Sie kurz; wird der Verkauf nicht bezahlt, bitten Sie den Kunden um einen neuen Token.</translation>
    </message>
    <message>
        <source>Not a valid token</source>
        <translation>Kein gültiger Token</translation>
    </message>
    <message>
        <source>This code is not a valid ecash token. Ask the customer to show the token again or to send a new one.</source>
        <translation>Dieser Code ist kein gültiger E-Cash-Token. Bitten Sie den Kunden, den Token noch einmal zu zeigen oder einen neuen zu senden.</translation>
    </message>
    <message>
        <source>Empty token</source>
        <translation>Leerer Token</translation>
    </message>
    <message>
        <source>This token holds no coins. Ask the customer to send a new one.</source>
        <translation>Dieser Token enthält keine Münzen. Bitten Sie den Kunden um einen neuen.</translation>
    </message>
    <message>
        <source>The animated code could not be read as a token. Ask the customer to show it again.</source>
        <translation>Der animierte Code ließ sich nicht als Token lesen. Bitten Sie den Kunden, ihn noch einmal zu zeigen.</translation>
    </message>
    <message>
        <source>Several mints</source>
        <translation>Mehrere Mints</translation>
    </message>
    <message>
        <source>This token mixes coins from several mints. Ask the customer to send one token per mint.</source>
        <translation>Dieser Token mischt Münzen mehrerer Mints. Bitten Sie den Kunden um einen Token pro Mint.</translation>
    </message>
    <message>
        <source>Failed authenticity check</source>
        <translation>Echtheitsprüfung fehlgeschlagen</translation>
    </message>
    <message>
        <source>This token failed its authenticity check, so it may be forged. Do not accept it; ask the customer for a new token.</source>
        <translation>Dieser Token hat die Echtheitsprüfung nicht bestanden und ist vielleicht gefälscht. Nicht annehmen; bitten Sie den Kunden um einen neuen Token.</translation>
    </message>
    <message>
        <source>The mint&apos;s answer failed its authenticity check. The token is kept; tell the owner.</source>
        <translation>Die Antwort der Mint hat die Echtheitsprüfung nicht bestanden. Der Token wird aufbewahrt; sagen Sie es dem Inhaber.</translation>
    </message>
    <message>
        <source>Locked token</source>
        <translation>Gesperrter Token</translation>
    </message>
    <message>
        <source>This token is locked to someone else&apos;s key. Ask the customer for an unlocked token.</source>
        <translation>Dieser Token ist auf den Schlüssel von jemand anderem gesperrt. Bitten Sie den Kunden um einen ungesperrten Token.</translation>
    </message>
    <message>
        <source>This token is locked to someone else&apos;s key. Ask the customer for an unlocked token or one locked to this shop.</source>
        <translation>Dieser Token ist auf den Schlüssel von jemand anderem gesperrt. Bitten Sie den Kunden um einen ungesperrten oder einen auf diesen Laden gesperrten Token.</translation>
    </message>
    <message>
        <source>Mint not accepted</source>
        <translation>Mint nicht angenommen</translation>
    </message>
    <message>
        <source>This token is from a mint the shop does not accept. Ask the customer to pay with ecash from one of the shop&apos;s mints.</source>
        <translation>Dieser Token stammt von einer Mint, die der Laden nicht annimmt. Bitten Sie den Kunden, mit E-Cash einer der Mints des Ladens zu zahlen.</translation>
    </message>
    <message>
        <source>Sale expired</source>
        <translation>Verkauf abgelaufen</translation>
    </message>
    <message>
        <source>The price lock of this sale ran out. Start a new sale for the same amount.</source>
        <translation>Die Preisbindung dieses Verkaufs ist abgelaufen. Starten Sie einen neuen Verkauf über denselben Betrag.</translation>
    </message>
    <message>
        <source>Sale cancelled</source>
        <translation>Verkauf storniert</translation>
    </message>
    <message>
        <source>This sale was cancelled. Start a new sale.</source>
        <translation>Dieser Verkauf wurde storniert. Starten Sie einen neuen Verkauf.</translation>
    </message>
    <message>
        <source>Already paid</source>
        <translation>Bereits bezahlt</translation>
    </message>
    <message>
        <source>This sale is already paid; nothing more is due. Do not take another token.</source>
        <translation>Dieser Verkauf ist schon bezahlt; es ist nichts mehr fällig. Keinen weiteren Token annehmen.</translation>
    </message>
    <message>
        <source>Not confirmed: mint offline</source>
        <translation>Nicht bestätigt: Mint offline</translation>
    </message>
    <message>
        <source>The mint is offline, so this token is not confirmed yet; it is kept and retried automatically. Until the mint confirms it, the goods are at the shop&apos;s risk: the customer could still spend the token elsewhere.</source>
        <translation>Die Mint ist offline, daher ist dieser Token noch nicht bestätigt; er wird aufbewahrt und automatisch erneut versucht. Bis die Mint ihn bestätigt, ist die Ware auf Risiko des Geschäfts: Der Kunde könnte den Token noch anderswo ausgeben.</translation>
    </message>
    <message>
        <source>Mint offline</source>
        <translation>Mint offline</translation>
    </message>
    <message>
        <source>Mint unreachable</source>
        <translation>Mint nicht erreichbar</translation>
    </message>
    <message>
        <source>Mints offline</source>
        <translation>Mints offline</translation>
    </message>
    <message>
        <source>Every mint the shop trusts is offline: a payment cannot be confirmed now. Wait until a mint answers, or show the request anyway: a token taken meanwhile is kept and redeemed when its mint is back.</source>
        <translation>Alle Mints, denen das Geschäft vertraut, sind offline: Eine Zahlung kann jetzt nicht bestätigt werden. Warten Sie, bis eine Mint antwortet, oder zeigen Sie die Zahlungsanforderung trotzdem: Ein in der Zwischenzeit angenommener Token wird aufbewahrt und eingelöst, sobald seine Mint wieder erreichbar ist.</translation>
    </message>
    <message>
        <source>Not confirmed yet</source>
        <translation>Noch nicht bestätigt</translation>
    </message>
    <message>
        <source>The customer&apos;s token was paid over to the shop&apos;s mint, which has not confirmed it yet. The app keeps checking; the sale is marked paid when the shop&apos;s mint confirms.</source>
        <translation>Der Token des Kunden wurde an die Mint des Geschäfts übertragen, die ihn noch nicht bestätigt hat. Die App prüft weiter; der Verkauf wird als bezahlt markiert, sobald die Mint des Geschäfts bestätigt.</translation>
    </message>
    <message>
        <source>Not converted</source>
        <translation>Nicht umgewandelt</translation>
    </message>
    <message>
        <source>The customer&apos;s mint did not pay the shop&apos;s mint; nothing was spent. Ask for a token from one of the shop&apos;s mints.</source>
        <translation>Die Mint des Kunden hat nicht an die Mint des Geschäfts gezahlt; nichts wurde ausgegeben. Bitten Sie um einen Token einer der Mints des Geschäfts.</translation>
    </message>
    <message>
        <source>The mint could not be reached. The token is kept; the app tries again by itself.</source>
        <translation>Die Mint war nicht erreichbar. Der Token wird aufbewahrt; die App versucht es von selbst erneut.</translation>
    </message>
    <message>
        <source>Database offline</source>
        <translation>Datenbank nicht erreichbar</translation>
    </message>
    <message>
        <source>The shop&apos;s database server does not answer. Check the network and that the server runs, then try again. A payment the mint has already taken is kept: it is completed when the server is back.</source>
        <translation>Der Datenbankserver des Geschäfts antwortet nicht. Prüfen Sie das Netzwerk und ob der Server läuft, und versuchen Sie es dann erneut. Eine Zahlung, die die Mint schon angenommen hat, bleibt erhalten: Sie wird abgeschlossen, sobald der Server wieder da ist.</translation>
    </message>
    <message>
        <source>The mint did not answer in time. The token is kept; the app tries again by itself.</source>
        <translation>Die Mint hat nicht rechtzeitig geantwortet. Der Token wird aufbewahrt; die App versucht es von selbst erneut.</translation>
    </message>
    <message>
        <source>Mint error</source>
        <translation>Fehler der Mint</translation>
    </message>
    <message>
        <source>The mint had an internal error. The token is kept; the app tries again by itself.</source>
        <translation>Die Mint hatte einen internen Fehler. Der Token wird aufbewahrt; die App versucht es von selbst erneut.</translation>
    </message>
    <message>
        <source>Mint busy</source>
        <translation>Mint ausgelastet</translation>
    </message>
    <message>
        <source>The mint asked the app to slow down. The token is kept; the app tries again soon.</source>
        <translation>Die Mint hat die App gebeten, langsamer zu machen. Der Token wird aufbewahrt; die App versucht es bald erneut.</translation>
    </message>
    <message>
        <source>The mint sent an answer the app does not understand. The token is kept; if this goes on, tell the mint&apos;s operator.</source>
        <translation>Die Mint hat eine Antwort geschickt, die die App nicht versteht. Der Token wird aufbewahrt; hält das an, informieren Sie den Betreiber der Mint.</translation>
    </message>
    <message>
        <source>Payment in progress</source>
        <translation>Zahlung läuft</translation>
    </message>
    <message>
        <source>The Lightning payment is still in progress. The sale is marked paid when it goes through.</source>
        <translation>Die Lightning-Zahlung läuft noch. Der Verkauf wird als bezahlt markiert, sobald sie durch ist.</translation>
    </message>
    <message>
        <source>Wallet busy</source>
        <translation>Wallet beschäftigt</translation>
    </message>
    <message>
        <source>The wallet is busy with another payment. Try again in a moment.</source>
        <translation>Die Wallet ist mit einer anderen Zahlung beschäftigt. Gleich noch einmal versuchen.</translation>
    </message>
    <message>
        <source>Cannot convert</source>
        <translation>Umwandlung nicht möglich</translation>
    </message>
    <message>
        <source>This token would have to be converted to Lightning, but the shop has no Lightning address. Ask for ecash from one of the shop&apos;s mints.</source>
        <translation>Dieser Token müsste per Lightning umgewandelt werden, aber der Laden hat keine Lightning-Adresse. Bitten Sie um E-Cash einer der Mints des Ladens.</translation>
    </message>
    <message>
        <source>Payout not proven</source>
        <translation>Auszahlung nicht bewiesen</translation>
    </message>
    <message>
        <source>The token was converted, but the Lightning payment could not be proven. The owner must review it; the token is kept.</source>
        <translation>Der Token wurde umgewandelt, aber die Lightning-Zahlung ließ sich nicht beweisen. Der Inhaber muss sie prüfen; der Token wird aufbewahrt.</translation>
    </message>
    <message>
        <source>The Lightning payment could not be proven. The owner must review it; the token is kept.</source>
        <translation>Die Lightning-Zahlung ließ sich nicht beweisen. Der Inhaber muss sie prüfen; der Token wird aufbewahrt.</translation>
    </message>
    <message>
        <source>No exchange rate</source>
        <translation>Kein Wechselkurs</translation>
    </message>
    <message>
        <source>No exchange rate is available, so the price cannot be turned into sats. Check the internet connection, or set a fixed rate in Settings.</source>
        <translation>Kein Wechselkurs verfügbar, daher lässt sich der Preis nicht in Sats umrechnen. Prüfen Sie die Internetverbindung oder legen Sie in den Einstellungen einen festen Kurs fest.</translation>
    </message>
    <message>
        <source>A shop currency other than sat needs an exchange rate, or no sale can be priced. Add a rate source or set a fixed rate, then save again.</source>
        <translation>Eine andere Geschäftswährung als sat braucht einen Wechselkurs, sonst kann kein Verkauf berechnet werden. Fügen Sie eine Kursquelle hinzu oder legen Sie einen festen Kurs fest und speichern Sie erneut.</translation>
    </message>
    <message>
        <source>Wrong passphrase</source>
        <translation>Falsche Passphrase</translation>
    </message>
    <message>
        <source>The passphrase does not open this settings file. Type the one given when it was exported; nothing was changed.</source>
        <translation>Die Passphrase öffnet diese Einstellungsdatei nicht. Geben Sie die beim Export vergebene ein; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Settings file damaged</source>
        <translation>Einstellungsdatei beschädigt</translation>
    </message>
    <message>
        <source>The settings file is damaged or was changed after it was exported, so none of it is used. Export it again on the other till.</source>
        <translation>Die Einstellungsdatei ist beschädigt oder wurde nach dem Export verändert, daher wird nichts davon verwendet. Exportieren Sie sie an der anderen Kasse erneut.</translation>
    </message>
    <message>
        <source>Already claimed</source>
        <translation>Schon eingelöst</translation>
    </message>
    <message>
        <source>The recipient redeemed this export: the ecash is theirs and nothing is left to show or take back.</source>
        <translation>Der Empfänger hat diesen Export eingelöst: Das Ecash gehört ihm, es bleibt nichts zu zeigen oder zurückzuholen.</translation>
    </message>
    <message>
        <source>Already taken back</source>
        <translation>Schon zurückgeholt</translation>
    </message>
    <message>
        <source>This export is back in the wallet; its old token is no longer valid.</source>
        <translation>Dieser Export ist wieder in der Wallet; sein alter Token ist nicht mehr gültig.</translation>
    </message>
    <message>
        <source>Being taken back</source>
        <translation>Wird zurückgeholt</translation>
    </message>
    <message>
        <source>This export is being taken back already. The wallet finishes it as soon as the mint answers.</source>
        <translation>Dieser Export wird bereits zurückgeholt. Die Wallet schließt das ab, sobald die Mint antwortet.</translation>
    </message>
    <message>
        <source>Customer&apos;s token</source>
        <translation>Token des Kunden</translation>
    </message>
    <message>
        <source>This token was given to a customer as change or a refund. It is theirs and cannot be taken back.</source>
        <translation>Dieser Token wurde einem Kunden als Wechselgeld oder Erstattung gegeben. Er gehört ihm und kann nicht zurückgeholt werden.</translation>
    </message>
    <message>
        <source>Nothing to close</source>
        <translation>Nichts abzuschließen</translation>
    </message>
    <message>
        <source>There is nothing to close yet: no sale, payment or wallet change so far.</source>
        <translation>Es gibt noch nichts abzuschließen: bisher kein Verkauf, keine Zahlung und keine Änderung der Wallet.</translation>
    </message>
    <message>
        <source>No such Z report</source>
        <translation>Kein solcher Z-Bericht</translation>
    </message>
    <message>
        <source>There is no Z report with this number.</source>
        <translation>Es gibt keinen Z-Bericht mit dieser Nummer.</translation>
    </message>
    <message>
        <source>Locked to the recipient</source>
        <translation>An den Empfänger gebunden</translation>
    </message>
    <message>
        <source>This export is locked to the recipient&apos;s key: only they can redeem it.</source>
        <translation>Dieser Export ist an den Schlüssel des Empfängers gebunden: Nur er kann ihn einlösen.</translation>
    </message>
    <message>
        <source>Fee too high</source>
        <translation>Gebühr zu hoch</translation>
    </message>
    <message>
        <source>Wrong unit</source>
        <translation>Falsche Einheit</translation>
    </message>
    <message>
        <source>Over the offline limit</source>
        <translation>Über der Offline-Grenze</translation>
    </message>
    <message>
        <source>Above the sale limit</source>
        <translation>Über der Verkaufsgrenze</translation>
    </message>
    <message>
        <source>Above today&apos;s limit</source>
        <translation>Über der Tagesgrenze</translation>
    </message>
    <message>
        <source>Needs a manager</source>
        <translation>Manager nötig</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>Nicht erlaubt</translation>
    </message>
    <message>
        <source>Check the amount</source>
        <translation>Betrag prüfen</translation>
    </message>
    <message>
        <source>Lightning refused</source>
        <translation>Lightning abgelehnt</translation>
    </message>
    <message>
        <source>This token is locked in a way the shop cannot redeem. Ask the customer for a plain token.</source>
        <translation>Dieser Token ist so gesperrt, dass der Laden ihn nicht einlösen kann. Bitten Sie den Kunden um einen einfachen Token.</translation>
    </message>
    <message>
        <source>The mint is offline and this token cannot be accepted without it. Ask for a token locked to the shop, or try again when the mint is back.</source>
        <translation>Die Mint ist offline, und ohne sie kann dieser Token nicht angenommen werden. Bitten Sie um einen auf den Laden gesperrten Token oder versuchen Sie es, wenn die Mint zurück ist.</translation>
    </message>
    <message>
        <source>Lightning problem</source>
        <translation>Lightning-Problem</translation>
    </message>
    <message>
        <source>The token could not be converted to Lightning now. Ask for ecash from one of the shop&apos;s mints, or try again in a moment.</source>
        <translation>Der Token ließ sich gerade nicht per Lightning umwandeln. Bitten Sie um E-Cash einer der Mints des Ladens oder versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Unknown coins</source>
        <translation>Unbekannte Münzen</translation>
    </message>
    <message>
        <source>The mint does not know the keys of this token. Ask the customer for a new token.</source>
        <translation>Die Mint kennt die Schlüssel dieses Tokens nicht. Bitten Sie den Kunden um einen neuen Token.</translation>
    </message>
    <message>
        <source>Old coins</source>
        <translation>Alte Münzen</translation>
    </message>
    <message>
        <source>The mint no longer accepts these coins. Ask the customer for a new token.</source>
        <translation>Die Mint nimmt diese Münzen nicht mehr an. Bitten Sie den Kunden um einen neuen Token.</translation>
    </message>
    <message>
        <source>(Token from {mint}.)</source>
        <translation>(Token von {mint}.)</translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation>Nicht angenommen</translation>
    </message>
    <message>
        <source>The token was not accepted.</source>
        <translation>Der Token wurde nicht angenommen.</translation>
    </message>
    <message>
        <source>The sale is marked paid when it goes through.</source>
        <translation>Der Verkauf wird als bezahlt markiert, sobald das gelingt.</translation>
    </message>
    <message>
        <source>Mint key changed</source>
        <translation>Schlüssel der Mint geändert</translation>
    </message>
    <message>
        <source>Old coins expiring</source>
        <translation>Alte Münzen laufen ab</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Braucht Aufmerksamkeit</translation>
    </message>
    <message>
        <source>Payment needs review</source>
        <translation>Zahlung zu prüfen</translation>
    </message>
    <message>
        <source>Change not given</source>
        <translation>Wechselgeld nicht ausgegeben</translation>
    </message>
    <message>
        <source>Offline payment failed</source>
        <translation>Offline-Zahlung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Scheduled export waiting</source>
        <translation>Geplanter Export wartet</translation>
    </message>
    <message>
        <source>Scheduled export done</source>
        <translation>Geplanter Export erledigt</translation>
    </message>
    <message>
        <source>Scheduled export failed</source>
        <translation>Geplanter Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Withdrawn to Lightning</source>
        <translation>An Lightning ausgezahlt</translation>
    </message>
    <message>
        <source>Withdrawal not paid</source>
        <translation>Auszahlung nicht ausgeführt</translation>
    </message>
    <message>
        <source>Withdrawal not proven</source>
        <translation>Auszahlung nicht belegt</translation>
    </message>
    <message>
        <source>Old coins not renewed</source>
        <translation>Alte Münzen nicht erneuert</translation>
    </message>
    <message>
        <source>Staff account locked</source>
        <translation>Personalkonto gesperrt</translation>
    </message>
    <message>
        <source>Mint signed wrongly</source>
        <translation>Mint hat falsch signiert</translation>
    </message>
    <message>
        <source>Mint sent bad change</source>
        <translation>Mint hat fehlerhaftes Wechselgeld geschickt</translation>
    </message>
    <message>
        <source>Webhook disabled</source>
        <translation>Webhook deaktiviert</translation>
    </message>
    <message>
        <source>Webhook not delivered</source>
        <translation>Webhook nicht zugestellt</translation>
    </message>
    <message>
        <source>Webhook paused</source>
        <translation>Webhook pausiert</translation>
    </message>
    <message>
        <source>{name} typed {failures} wrong PINs in a row and is locked for {minutes} minutes.</source>
        <translation>{name} hat {failures} falsche PINs hintereinander eingegeben und ist für {minutes} Minuten gesperrt.</translation>
    </message>
    <message>
        <source>A mint answered with signatures that failed their checks; nothing was credited and the token is being checked again.</source>
        <translation>Eine Mint hat mit Signaturen geantwortet, die die Prüfung nicht bestanden; nichts wurde gutgeschrieben, und der Token wird erneut geprüft.</translation>
    </message>
    <message>
        <source>{url} paid a Lightning invoice but signed its change wrongly; the change was not kept. Check this mint with its operator.</source>
        <translation>{url} hat eine Lightning-Rechnung bezahlt, aber das Wechselgeld falsch signiert; das Wechselgeld wurde nicht behalten. Klären Sie das mit dem Betreiber der Mint.</translation>
    </message>
    <message>
        <source>{url} has not answered for {minutes} minutes.</source>
        <translation>{url} antwortet seit {minutes} Minuten nicht.</translation>
    </message>
    <message>
        <source>The public key of {url} changed. This can mean the mint was replaced; check with its operator before accepting more of its tokens.</source>
        <translation>Der öffentliche Schlüssel von {url} hat sich geändert. Das kann heißen, dass die Mint ersetzt wurde; fragen Sie beim Betreiber nach, bevor Sie weitere Tokens von ihr annehmen.</translation>
    </message>
    <message>
        <source>Old coins of {url} expire in {days} days. Swap them or pay them out soon.</source>
        <translation>Alte Münzen von {url} laufen in {days} Tagen ab. Tauschen oder zahlen Sie sie bald aus.</translation>
    </message>
    <message>
        <source>The folder {folder} is not there (is the USB drive plugged in?). Nothing was exported; the app tries again every {minutes} minutes.</source>
        <translation>Der Ordner {folder} ist nicht da (ist das USB-Laufwerk eingesteckt?). Es wurde nichts exportiert; die App versucht es alle {minutes} Minuten erneut.</translation>
    </message>
    <message>
        <source>{files} token file(s), {total}, saved to {folder}.</source>
        <translation>{files} Token-Datei(en), {total}, in {folder} gespeichert.</translation>
    </message>
    <message>
        <source>{amount} sat from {url} were paid to the Lightning address (fee {fee} sat).</source>
        <translation>{amount} sat von {url} wurden an die Lightning-Adresse gezahlt (Gebühr {fee} sat).</translation>
    </message>
    <message>
        <source>{amount} sat from {url} were paid out, but the payment could not be proven. Check the Lightning wallet.</source>
        <translation>{amount} sat von {url} wurden ausgezahlt, aber die Zahlung ließ sich nicht belegen. Prüfen Sie die Lightning-Wallet.</translation>
    </message>
    <message>
        <source>A withdrawal of {amount} sat from {url} was not paid: its fees of up to {fee} sat are more than {cap}% of it. Nothing was spent.</source>
        <translation>Eine Auszahlung von {amount} sat von {url} wurde nicht ausgeführt: ihre Gebühren von bis zu {fee} sat sind mehr als {cap} % davon. Nichts wurde ausgegeben.</translation>
    </message>
    <message>
        <source>Automatic withdrawals wait: the threshold of {threshold} sat is below the {minimum} sat the Lightning address accepts. Raise it in Settings.</source>
        <translation>Automatische Auszahlungen warten: Der Schwellenwert von {threshold} sat liegt unter den {minimum} sat, die die Lightning-Adresse mindestens annimmt. Erhöhen Sie ihn in den Einstellungen.</translation>
    </message>
    <message>
        <source>{url} answered that it no longer exists (410 Gone): webhooks to it are stopped. Remove it, or resume it once the receiver is back.</source>
        <translation>{url} hat geantwortet, dass es nicht mehr existiert (410 Gone): Webhooks dorthin sind gestoppt. Entfernen Sie ihn oder setzen Sie ihn fort, sobald der Empfänger wieder da ist.</translation>
    </message>
    <message>
        <source>An event ({event}) could not be delivered to {url} after {attempts} attempts. Redeliver it from the delivery history once the receiver works.</source>
        <translation>Ein Ereignis ({event}) konnte nach {attempts} Versuchen nicht an {url} zugestellt werden. Stellen Sie es aus dem Zustellverlauf erneut zu, sobald der Empfänger funktioniert.</translation>
    </message>
    <message>
        <source>Deliveries to {url} have failed for 24 hours. The event being retried keeps trying; the ones after it wait until you resume the endpoint.</source>
        <translation>Zustellungen an {url} schlagen seit 24 Stunden fehl. Das Ereignis, das gerade wiederholt wird, versucht es weiter; die folgenden warten, bis Sie den Empfänger fortsetzen.</translation>
    </message>
    <message>
        <source>Coins worth {amount} {unit} at {url} are on old keys. Renewing them costs {fee} {unit}, above the limit of {cap}; they were left as they are.</source>
        <translation>Münzen im Wert von {amount} {unit} bei {url} liegen auf alten Schlüsseln. Sie zu erneuern kostet {fee} {unit}, mehr als die Grenze von {cap}; sie bleiben, wie sie sind.</translation>
    </message>
    <message>
        <source>(Sale {id}.)</source>
        <translation>(Verkauf {id}.)</translation>
    </message>
</context>
<context>
    <name>receipt</name>
    <message>
        <source>ecash</source>
        <translation>Ecash</translation>
    </message>
    <message>
        <source>ecash to Lightning</source>
        <translation>Ecash zu Lightning</translation>
    </message>
    <message>
        <source>ecash (converted)</source>
        <translation>Ecash (umgewandelt)</translation>
    </message>
    <message>
        <source>VAT no. {number}</source>
        <translation>USt-IdNr. {number}</translation>
    </message>
    <message>
        <source>TRAINING - NOT A RECEIPT</source>
        <translation>TRAINING - KEIN BELEG</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>MwSt.</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Netto</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Steuer</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>Brutto</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Verkauf</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Kurs</translation>
    </message>
    <message>
        <source>Service fee</source>
        <translation>Servicegebühr</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Gebühr</translation>
    </message>
    <message>
        <source>Paid with</source>
        <translation>Bezahlt mit</translation>
    </message>
    <message>
        <source>Mint</source>
        <translation>Mint</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Wechselgeld</translation>
    </message>
    <message>
        <source>Overpaid, kept</source>
        <translation>Überzahlt, behalten</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Erstattet</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>PAID</source>
        <translation>BEZAHLT</translation>
    </message>
    <message>
        <source>PARTIALLY PAID</source>
        <translation>TEILWEISE BEZAHLT</translation>
    </message>
    <message>
        <source>REFUNDED</source>
        <translation>ERSTATTET</translation>
    </message>
    <message>
        <source>PARTIALLY REFUNDED</source>
        <translation>TEILWEISE ERSTATTET</translation>
    </message>
    <message>
        <source>{state} · Sale {id}</source>
        <translation>{state} · Verkauf {id}</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Beleg</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Zwischensumme</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <source>Tip</source>
        <translation>Trinkgeld</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>Beleg drucken</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>In part</source>
        <translation>Teilweise</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Noch nicht</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Erstattung</translation>
    </message>
    <message>
        <source>Of sale</source>
        <translation>Zum Verkauf</translation>
    </message>
    <message>
        <source>Sale date</source>
        <translation>Verkaufsdatum</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>Eingelöst</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>REFUND · Refund {id}</source>
        <translation>ERSTATTUNG · Erstattung {id}</translation>
    </message>
    <message>
        <source>REFUND</source>
        <translation>ERSTATTUNG</translation>
    </message>
</context>
</TS>
