<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name></name>
    <message>
        <source>The mint refused the token</source>
        <translation>Le mint a refusé le jeton</translation>
    </message>
    <message>
        <source>The sale was counted as paid offline, but the money never arrived: contact the customer or write it off, then Dismiss.</source>
        <translation>La vente a été comptée comme payée hors ligne, mais l&apos;argent n&apos;est jamais arrivé : contactez le client ou passez-la en perte, puis Fermer.</translation>
    </message>
    <message>
        <source>The sale is not paid: ask the customer to pay again; if the goods have left, the amount is lost. Dismiss once it is settled.</source>
        <translation>La vente n&apos;est pas payée : demandez au client de payer à nouveau ; si la marchandise est partie, le montant est perdu. Fermez une fois réglé.</translation>
    </message>
    <message>
        <source>Cancelled after {paid} was paid</source>
        <translation>Annulée après paiement de {paid}</translation>
    </message>
    <message>
        <source>Expired after {paid} was paid</source>
        <translation>Expirée après paiement de {paid}</translation>
    </message>
    <message>
        <source>Give it back: Refund makes a token (QR code and file); Dismiss if you refunded it another way.</source>
        <translation>À rendre : Rembourser crée un jeton (QR code et fichier) ; Fermer si vous avez remboursé autrement.</translation>
    </message>
    <message>
        <source>Token redeem</source>
        <translation>Encaissement de jeton</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Lightning payout</source>
        <translation>Paiement Lightning</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restauration</translation>
    </message>
    <message>
        <source>Mint</source>
        <translation>Mint</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <source>Refund owed</source>
        <translation>Remboursement dû</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouverte</translation>
    </message>
    <message>
        <source>Partly paid</source>
        <translation>Payée en partie</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Payée</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expirée</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Settled</source>
        <translation>Réglé</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <source>Recovering</source>
        <translation>En reprise</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>À vérifier</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>Classé</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Recovered</source>
        <translation>Récupéré</translation>
    </message>
    <message>
        <source>Partly refunded</source>
        <translation>Partiellement remboursé</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Remboursé</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>Récupéré</translation>
    </message>
    <message>
        <source>Partly claimed</source>
        <translation>Partiellement récupéré</translation>
    </message>
    <message>
        <source>Being made</source>
        <translation>En cours de création</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>{n} s ago</source>
        <translation>il y a {n} s</translation>
    </message>
    <message>
        <source>{n} min ago</source>
        <translation>il y a {n} min</translation>
    </message>
    <message>
        <source>{n} h ago</source>
        <translation>il y a {n} h</translation>
    </message>
    <message>
        <source>Camera {n}</source>
        <translation>Caméra {n}</translation>
    </message>
    <message>
        <source>Video file…</source>
        <translation>Fichier vidéo…</translation>
    </message>
    <message>
        <source>Choose a video file</source>
        <translation>Choisir un fichier vidéo</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.avi *.mkv *.mov *.webm);;All files (*)</source>
        <translation>Vidéos (*.mp4 *.avi *.mkv *.mov *.webm);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Screen {n} (not connected)</source>
        <translation>Écran {n} (non branché)</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <source>Units: {units}</source>
        <translation>Unités&#xa0;: {units}</translation>
    </message>
    <message>
        <source>Technical: Cashu NUTs {list}</source>
        <translation>Technique&#xa0;: NUT Cashu {list}</translation>
    </message>
    <message>
        <source>Has everything a shop needs</source>
        <translation>A tout ce qu&apos;il faut à un commerce</translation>
    </message>
    <message>
        <source>This mint lacks:</source>
        <translation>Il manque à ce mint&#xa0;:</translation>
    </message>
    <message>
        <source>Works, but this mint cannot do: {what}</source>
        <translation>Fonctionne, mais ce mint ne sait pas&#xa0;: {what}</translation>
    </message>
    <message>
        <source>Trusted mints only</source>
        <translation>Mints de confiance uniquement</translation>
    </message>
    <message>
        <source>Tokens from trusted mints are accepted and kept; any other token is refused.</source>
        <translation>Les jetons des mints de confiance sont acceptés et gardés&#xa0;; tous les autres sont refusés.</translation>
    </message>
    <message>
        <source>Keep trusted, pay out the rest</source>
        <translation>Garder la confiance, verser le reste</translation>
    </message>
    <message>
        <source>Tokens from trusted mints are kept; others are paid to the Lightning address.</source>
        <translation>Les jetons des mints de confiance sont gardés&#xa0;; les autres sont versés à l&apos;adresse Lightning.</translation>
    </message>
    <message>
        <source>Pay out everything</source>
        <translation>Tout verser</translation>
    </message>
    <message>
        <source>Every token is paid to the Lightning address at once; the shop keeps no ecash.</source>
        <translation>Chaque jeton est versé aussitôt à l&apos;adresse Lightning&#xa0;; le commerce ne garde pas d&apos;e-cash.</translation>
    </message>
    <message>
        <source>name@example.com or https://… (LNURL-pay)</source>
        <translation>nom@example.com ou https://… (LNURL-pay)</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Activé</translation>
    </message>
    <message>
        <source>Address (https://…)</source>
        <translation>Adresse (https://…)</translation>
    </message>
    <message>
        <source>Path to the price</source>
        <translation>Chemin vers le prix</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>Add source</source>
        <translation>Ajouter une source</translation>
    </message>
    <message>
        <source>Remove source</source>
        <translation>Retirer la source</translation>
    </message>
    <message>
        <source>Name or code, such as EUR</source>
        <translation>Nom ou code, par ex. EUR</translation>
    </message>
</context>
<context>
    <name>ActivityPage</name>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Show all sales</source>
        <translation>Afficher toutes les ventes</translation>
    </message>
    <message>
        <source>Details (Enter)</source>
        <translation>Détails (Entrée)</translation>
    </message>
    <message>
        <source>Paid in {slice}</source>
        <translation>Payées dans {slice}</translation>
    </message>
    <message>
        <source>1 matching sale</source>
        <translation>1 vente correspondante</translation>
    </message>
    <message>
        <source>1 sale</source>
        <translation>1 vente</translation>
    </message>
    <message>
        <source>{n} matching sales</source>
        <translation>{n} ventes correspondantes</translation>
    </message>
    <message>
        <source>{n} sales</source>
        <translation>{n} ventes</translation>
    </message>
    <message>
        <source>No sales match these filters.</source>
        <translation>Aucune vente ne correspond à ces filtres.</translation>
    </message>
    <message>
        <source>No sales yet.</source>
        <translation>Aucune vente pour l&apos;instant.</translation>
    </message>
    <message>
        <source>1 needs attention</source>
        <translation>1 à traiter</translation>
    </message>
    <message>
        <source>{n} need attention</source>
        <translation>{n} à traiter</translation>
    </message>
</context>
<context>
    <name>AddMintDialog</name>
    <message>
        <source>Add a mint</source>
        <translation>Ajouter un mint</translation>
    </message>
    <message>
        <source>Trusted: accept this mint&apos;s tokens as payment</source>
        <translation>De confiance&#xa0;: accepter les jetons de ce mint en paiement</translation>
    </message>
    <message>
        <source>Add mint</source>
        <translation>Ajouter le mint</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Type the mint&apos;s address and press Check. The app asks the mint what it supports before it is added.</source>
        <translation>Saisissez l&apos;adresse du mint et appuyez sur Vérifier. L&apos;app demande au mint ce qu&apos;il sait faire avant de l&apos;ajouter.</translation>
    </message>
    <message>
        <source>Adding…</source>
        <translation>Ajout…</translation>
    </message>
</context>
<context>
    <name>AllOfflinePrompt</name>
    <message>
        <source>Show the request anyway</source>
        <translation>Afficher la demande quand même</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Pas maintenant</translation>
    </message>
</context>
<context>
    <name>AnalyticsPage</name>
    <message>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Hier</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Cette semaine</translation>
    </message>
    <message>
        <source>Last week</source>
        <translation>La semaine dernière</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Ce mois-ci</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Le mois dernier</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Période choisie</translation>
    </message>
    <message>
        <source>Ecash kept (swap)</source>
        <translation>Ecash conservé (swap)</translation>
    </message>
    <message>
        <source>Paid out to Lightning (melt)</source>
        <translation>Versé sur Lightning (melt)</translation>
    </message>
    <message>
        <source>Accepted offline</source>
        <translation>Accepté hors ligne</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>lun.</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>mar.</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>mer.</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>jeu.</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>ven.</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>sam.</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>dim.</translation>
    </message>
    <message>
        <source>Analytics</source>
        <translation>Statistiques</translation>
    </message>
    <message>
        <source>Refresh (Ctrl+R)</source>
        <translation>Actualiser (Ctrl+R)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>End of day…</source>
        <translation>Clôture de la journée…</translation>
    </message>
    <message>
        <source>X report, closing the day (Z report), Z reports</source>
        <translation>Rapport X, clôture de la journée (rapport Z), rapports Z</translation>
    </message>
    <message>
        <source>Gross sales</source>
        <translation>Ventes brutes</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Ventes</translation>
    </message>
    <message>
        <source>Average ticket</source>
        <translation>Panier moyen</translation>
    </message>
    <message>
        <source>Fees paid (mint / Lightning)</source>
        <translation>Frais payés (mint / Lightning)</translation>
    </message>
    <message>
        <source>Fee advance collected</source>
        <translation>Avance de frais perçue</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>À vérifier</translation>
    </message>
    <message>
        <source>Payments that went through</source>
        <translation>Paiements aboutis</translation>
    </message>
    <message>
        <source>Refused payments</source>
        <translation>Paiements refusés</translation>
    </message>
    <message>
        <source>Tips (not in the sales)</source>
        <translation>Pourboires (hors ventes)</translation>
    </message>
    <message>
        <source>VAT collected</source>
        <translation>TVA collectée</translation>
    </message>
    <message>
        <source>Mint</source>
        <translation>Mint</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Paiements</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Part</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Taux</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>HT</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>TVA</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>TTC</translation>
    </message>
    <message>
        <source>Sales over time</source>
        <translation>Ventes dans le temps</translation>
    </message>
    <message>
        <source>Show the amounts in sat or in the shop currency</source>
        <translation>Montants en sat ou dans la devise de la boutique</translation>
    </message>
    <message>
        <source>Fees over time</source>
        <translation>Frais dans le temps</translation>
    </message>
    <message>
        <source>Payments that went through, over time</source>
        <translation>Paiements aboutis dans le temps</translation>
    </message>
    <message>
        <source>Money received by mint</source>
        <translation>Argent reçu par mint</translation>
    </message>
    <message>
        <source>Sales by weekday and hour</source>
        <translation>Ventes par jour de la semaine et heure</translation>
    </message>
    <message>
        <source>Number of sales</source>
        <translation>Nombre de ventes</translation>
    </message>
    <message>
        <source>Revenue (sat)</source>
        <translation>Chiffre d&apos;affaires (sat)</translation>
    </message>
    <message>
        <source>Click a bar to list its sales in Activity</source>
        <translation>Cliquez sur une barre pour voir ses ventes dans Activité</translation>
    </message>
    <message>
        <source>Click a cell to list its sales in Activity</source>
        <translation>Cliquez sur une case pour voir ses ventes dans Activité</translation>
    </message>
    <message>
        <source>Over time</source>
        <translation>Dans le temps</translation>
    </message>
    <message>
        <source>Weekday and hour</source>
        <translation>Jour et heure</translation>
    </message>
    <message>
        <source>Mints over time</source>
        <translation>Mints dans le temps</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Frais</translation>
    </message>
    <message>
        <source>Success rate</source>
        <translation>Taux de réussite</translation>
    </message>
    <message>
        <source>By mint</source>
        <translation>Par mint</translation>
    </message>
    <message>
        <source>By method</source>
        <translation>Par méthode</translation>
    </message>
    <message>
        <source>Refused, by reason</source>
        <translation>Refusés, par motif</translation>
    </message>
    <message>
        <source>VAT by rate</source>
        <translation>TVA par taux</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Calcul en cours…</translation>
    </message>
    <message>
        <source>{first} to {last} ({zone}), compared with the period before</source>
        <translation>Du {first} au {last} ({zone}), comparé à la période précédente</translation>
    </message>
    <message>
        <source>{sat} in all ({change})</source>
        <translation>{sat} au total ({change})</translation>
    </message>
    <message>
        <source>{settled} of {attempts} payments</source>
        <translation>{settled} paiements sur {attempts}</translation>
    </message>
    <message>
        <source>{sat} in all</source>
        <translation>{sat} au total</translation>
    </message>
    <message>
        <source>{rates} rate(s): see VAT by rate</source>
        <translation>{rates} taux : voir TVA par taux</translation>
    </message>
    <message>
        <source>Mint fees</source>
        <translation>Frais de mint</translation>
    </message>
    <message>
        <source>Lightning fees</source>
        <translation>Frais Lightning</translation>
    </message>
    <message>
        <source>sales</source>
        <translation>ventes</translation>
    </message>
    <message>
        <source>{day} {hour}:00–{hour}:59, {first} to {last} ({zone})</source>
        <translation>{day} {hour}:00–{hour}:59, du {first} au {last} ({zone})</translation>
    </message>
    <message>
        <source>No reason recorded</source>
        <translation>Aucun motif enregistré</translation>
    </message>
</context>
<context>
    <name>ApiAccessPanel</name>
    <message>
        <source>The API is served without encryption on the network: API keys and payments can be read by anyone on it.</source>
        <translation>L&apos;API est servie sans chiffrement sur le réseau : n&apos;importe qui sur ce réseau peut lire les clés d&apos;API et les paiements.</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Blocked until</source>
        <translation>Bloquée jusqu&apos;à</translation>
    </message>
    <message>
        <source>Wrong keys</source>
        <translation>Clés erronées</translation>
    </message>
    <message>
        <source>Unblock</source>
        <translation>Débloquer</translation>
    </message>
    <message>
        <source>Addresses blocked after repeated wrong keys</source>
        <translation>Adresses bloquées après des clés erronées répétées</translation>
    </message>
    <message>
        <source>Served at {url}.</source>
        <translation>Servie à {url}.</translation>
    </message>
    <message>
        <source>Certificate fingerprint (SHA-256), to pin in the clients: {fingerprint}</source>
        <translation>Empreinte du certificat (SHA-256), à épingler dans les clients : {fingerprint}</translation>
    </message>
    <message>
        <source>{address} may call the API again.</source>
        <translation>{address} peut de nouveau appeler l&apos;API.</translation>
    </message>
</context>
<context>
    <name>ApiKeysPanel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Droits</translation>
    </message>
    <message>
        <source>Starts with</source>
        <translation>Commence par</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Dernière utilisation</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Révoquer</translation>
    </message>
    <message>
        <source>Who uses it: web shop, kiosk…</source>
        <translation>Qui l&apos;utilise : boutique en ligne, borne…</translation>
    </message>
    <message>
        <source>Last day (YYYY-MM-DD), or empty: no end</source>
        <translation>Dernier jour (AAAA-MM-JJ), ou vide : sans fin</translation>
    </message>
    <message>
        <source>Make key</source>
        <translation>Créer la clé</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>The new key, shown once:</source>
        <translation>La nouvelle clé, montrée une seule fois :</translation>
    </message>
    <message>
        <source>revoked {when}</source>
        <translation>révoquée {when}</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expirée</translation>
    </message>
    <message>
        <source>active until {day}</source>
        <translation>active jusqu&apos;au {day}</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>Type the last day as 2027-06-30, or leave it empty.</source>
        <translation>Saisissez le dernier jour sous la forme 2027-06-30, ou laissez vide.</translation>
    </message>
    <message>
        <source>Key {name} made. Copy it now: it is not shown again.</source>
        <translation>Clé {name} créée. Copiez-la maintenant : elle ne sera plus montrée.</translation>
    </message>
    <message>
        <source>Revoke key</source>
        <translation>Révoquer la clé</translation>
    </message>
    <message>
        <source>Revoke {name}? Whatever uses it stops working at once.</source>
        <translation>Révoquer {name} ? Ce qui l&apos;utilise cesse de fonctionner aussitôt.</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>La garder</translation>
    </message>
    <message>
        <source>Key {name} revoked.</source>
        <translation>Clé {name} révoquée.</translation>
    </message>
</context>
<context>
    <name>AttentionModel</name>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Tentatives</translation>
    </message>
    <message>
        <source>Next retry</source>
        <translation>Prochain essai</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Vente</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
</context>
<context>
    <name>AttentionPanel</name>
    <message>
        <source>Needs attention</source>
        <translation>À traiter</translation>
    </message>
    <message>
        <source>Nothing needs attention.</source>
        <translation>Rien à traiter.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Dismiss…</source>
        <translation>Classer…</translation>
    </message>
    <message>
        <source>Sale details</source>
        <translation>Détails de la vente</translation>
    </message>
    <message>
        <source>Accept…</source>
        <translation>Accepter…</translation>
    </message>
    <message>
        <source>Credit this payment to its sale</source>
        <translation>Créditer ce paiement à sa vente</translation>
    </message>
    <message>
        <source>Refund…</source>
        <translation>Rembourser…</translation>
    </message>
    <message>
        <source>Give the paid amount back as a token</source>
        <translation>Rendre le montant payé sous forme de jeton</translation>
    </message>
    <message>
        <source>Needs attention ({count})</source>
        <translation>À traiter ({count})</translation>
    </message>
    <message>
        <source>Trying again…</source>
        <translation>Nouvel essai…</translation>
    </message>
    <message>
        <source>Refund token made: {amount}.</source>
        <translation>Jeton de remboursement créé : {amount}.</translation>
    </message>
    <message>
        <source>Saving your decision…</source>
        <translation>Enregistrement de votre décision…</translation>
    </message>
    <message>
        <source>Accept the payment</source>
        <translation>Accepter le paiement</translation>
    </message>
    <message>
        <source>Reject the payment</source>
        <translation>Refuser le paiement</translation>
    </message>
    <message>
        <source>Accepted: credited to the sale.</source>
        <translation>Accepté&#xa0;: crédité à la vente.</translation>
    </message>
    <message>
        <source>Rejected.</source>
        <translation>Refusé.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Record the refund</source>
        <translation>Enregistrer le remboursement</translation>
    </message>
    <message>
        <source>Recorded as refunded.</source>
        <translation>Enregistré comme remboursé.</translation>
    </message>
    <message>
        <source>Dismissing…</source>
        <translation>Classement…</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ignorer</translation>
    </message>
    <message>
        <source>Dismissed.</source>
        <translation>Classé.</translation>
    </message>
    <message>
        <source>Finished: {amount} recovered.</source>
        <translation>Terminé&#xa0;: {amount} récupérés.</translation>
    </message>
    <message>
        <source>The mint is still working on it. Try again later.</source>
        <translation>Le mint y travaille encore. Réessayez plus tard.</translation>
    </message>
    <message>
        <source>Not yet: {reason}. The app keeps the token and will try again.</source>
        <translation>Pas encore&#xa0;: {reason}. L&apos;app garde le jeton et réessaiera.</translation>
    </message>
    <message>
        <source>It could not be finished: {reason}.</source>
        <translation>Impossible de terminer&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>Nothing left to do.</source>
        <translation>Plus rien à faire.</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Audit log</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message>
        <source>Action, or a family such as melt.</source>
        <translation>Action, ou une famille comme melt.</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>Check the log</source>
        <translation>Vérifier le journal</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>The log holds: {n} entries, none changed, removed or added.</source>
        <translation>Le journal contient {n} entrées, aucune modifiée, supprimée ou ajoutée.</translation>
    </message>
    <message>
        <source>Last entry #{id}, {chain}.</source>
        <translation>Dernière entrée n° {id}, {chain}.</translation>
    </message>
    <message>
        <source>Entry #{id} does not follow the one before it: the log was changed there (an entry edited, removed or added outside the app).</source>
        <translation>L&apos;entrée n° {id} ne suit pas la précédente : le journal a été modifié à cet endroit (une entrée modifiée, supprimée ou ajoutée hors de l&apos;application).</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Exporter le journal d&apos;audit</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Saved: {name}</source>
        <translation>Enregistré : {name}</translation>
    </message>
</context>
<context>
    <name>BasketPanel</name>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Vider</translation>
    </message>
    <message>
        <source>Add amount as line</source>
        <translation>Montant comme ligne</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Remise</translation>
    </message>
    <message>
        <source>Line discount</source>
        <translation>Remise ligne</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Articles</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Discount on %1</source>
        <translation>Remise sur %1</translation>
    </message>
    <message>
        <source>Discount %1: -%2</source>
        <translation>Remise %1 : -%2</translation>
    </message>
    <message>
        <source>The discount is more than the basket: change it.</source>
        <translation>La remise dépasse le panier : modifiez-la.</translation>
    </message>
    <message>
        <source>Total: %1 %2</source>
        <translation>Total : %1 %2</translation>
    </message>
</context>
<context>
    <name>BulkExportDialog</name>
    <message>
        <source>Export everything</source>
        <translation>Tout exporter</translation>
    </message>
    <message>
        <source>Export everything to a folder</source>
        <translation>Tout exporter dans un dossier</translation>
    </message>
    <message>
        <source>Each mint&apos;s ecash is saved as one token file, with a list of the files (manifest) beside them. Whoever has the files can spend the ecash: keep the drive safe.</source>
        <translation>L&apos;ecash de chaque mint est enregistré dans un fichier de jeton, avec à côté la liste des fichiers (manifeste). Quiconque a les fichiers peut dépenser l&apos;ecash : gardez le support en lieu sûr.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Looking for a USB drive…</source>
        <translation>Recherche d&apos;une clé USB…</translation>
    </message>
    <message>
        <source>Only mints holding at least</source>
        <translation>Seulement les mints détenant au moins</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>USB drive found: {path}</source>
        <translation>Clé USB trouvée : {path}</translation>
    </message>
    <message>
        <source>No USB drive found: the files go to this folder.</source>
        <translation>Aucune clé USB trouvée : les fichiers vont dans ce dossier.</translation>
    </message>
    <message>
        <source>Export to folder</source>
        <translation>Exporter vers un dossier</translation>
    </message>
    <message>
        <source>Choose a folder first.</source>
        <translation>Choisissez d&apos;abord un dossier.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportation…</translation>
    </message>
    <message>
        <source>Done: {n} file(s) written and synced.</source>
        <translation>Terminé : {n} fichier(s) écrit(s) et synchronisé(s).</translation>
    </message>
    <message>
        <source>Manifest: {path}</source>
        <translation>Manifeste : {path}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>CameraTestPage</name>
    <message>
        <source>Camera test</source>
        <translation>Test de la caméra</translation>
    </message>
    <message>
        <source>The camera reads the customers&apos; ecash. Hold a QR code in front of it: this page&apos;s code photographed with a phone, or any other.</source>
        <translation>La caméra lit l&apos;ecash des clients. Présentez-lui un code QR : celui de cette page, photographié avec un téléphone, ou un autre.</translation>
    </message>
    <message>
        <source>The test code</source>
        <translation>Le code de test</translation>
    </message>
    <message>
        <source>No camera yet? Go on: the till also takes pasted tokens, and the camera can be chosen later in Settings, Devices.</source>
        <translation>Pas encore de caméra ? Continuez : la caisse accepte aussi les jetons collés, et la caméra se choisit plus tard dans Réglages, Appareils.</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>Démarrage de la caméra…</translation>
    </message>
    <message>
        <source>Looking for a code…</source>
        <translation>Recherche d&apos;un code…</translation>
    </message>
    <message>
        <source>The camera read the test code: it is ready.</source>
        <translation>La caméra a lu le code de test : elle est prête.</translation>
    </message>
    <message>
        <source>The camera read a code ({text}): it is ready.</source>
        <translation>La caméra a lu un code ({text}) : elle est prête.</translation>
    </message>
    <message>
        <source>No picture</source>
        <translation>Pas d&apos;image</translation>
    </message>
    <message>
        <source>The camera could not be used: {error} Choose another camera, or go on and test it later.</source>
        <translation>La caméra n&apos;a pas pu être utilisée : {error} Choisissez une autre caméra, ou continuez et testez-la plus tard.</translation>
    </message>
    <message>
        <source>Camera: {name}, read a code</source>
        <translation>Caméra : {name}, a lu un code</translation>
    </message>
    <message>
        <source>Camera: {name}, could not be opened (test it later)</source>
        <translation>Caméra : {name}, n&apos;a pas pu être ouverte (à tester plus tard)</translation>
    </message>
    <message>
        <source>Camera: {name}, not tested</source>
        <translation>Caméra : {name}, non testée</translation>
    </message>
</context>
<context>
    <name>CameraView</name>
    <message>
        <source>Starting the camera…</source>
        <translation>Démarrage de la caméra…</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <source>Table</source>
        <translation>Tableau</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message>
        <source>Check your backup</source>
        <translation>Vérifiez votre sauvegarde</translation>
    </message>
    <message>
        <source>Type these words from your paper, to make sure it is right.</source>
        <translation>Tapez ces mots depuis votre papier, pour vérifier qu&apos;il est juste.</translation>
    </message>
    <message>
        <source>Word #{n}</source>
        <translation>Mot n° {n}</translation>
    </message>
    <message>
        <source>This is not word #{n}. Check your paper.</source>
        <translation>Ce n&apos;est pas le mot n° {n}. Vérifiez votre papier.</translation>
    </message>
</context>
<context>
    <name>CoreFormDialog</name>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>Countdown</name>
    <message>
        <source>Price locked for {left}</source>
        <translation>Prix garanti encore {left}</translation>
    </message>
    <message>
        <source>Price lock ended</source>
        <translation>Prix garanti terminé</translation>
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
        <translation>Dollar américain</translation>
    </message>
    <message>
        <source>British pound</source>
        <translation>Livre sterling</translation>
    </message>
    <message>
        <source>Swiss franc</source>
        <translation>Franc suisse</translation>
    </message>
    <message>
        <source>Japanese yen</source>
        <translation>Yen japonais</translation>
    </message>
    <message>
        <source>Canadian dollar</source>
        <translation>Dollar canadien</translation>
    </message>
    <message>
        <source>Australian dollar</source>
        <translation>Dollar australien</translation>
    </message>
    <message>
        <source>New Zealand dollar</source>
        <translation>Dollar néo-zélandais</translation>
    </message>
    <message>
        <source>Swedish krona</source>
        <translation>Couronne suédoise</translation>
    </message>
    <message>
        <source>Norwegian krone</source>
        <translation>Couronne norvégienne</translation>
    </message>
    <message>
        <source>Danish krone</source>
        <translation>Couronne danoise</translation>
    </message>
    <message>
        <source>Polish zloty</source>
        <translation>Zloty polonais</translation>
    </message>
    <message>
        <source>Czech koruna</source>
        <translation>Couronne tchèque</translation>
    </message>
    <message>
        <source>Hungarian forint</source>
        <translation>Forint hongrois</translation>
    </message>
    <message>
        <source>Romanian leu</source>
        <translation>Leu roumain</translation>
    </message>
    <message>
        <source>Turkish lira</source>
        <translation>Livre turque</translation>
    </message>
    <message>
        <source>Ukrainian hryvnia</source>
        <translation>Hryvnia ukrainienne</translation>
    </message>
    <message>
        <source>Mexican peso</source>
        <translation>Peso mexicain</translation>
    </message>
    <message>
        <source>Brazilian real</source>
        <translation>Réal brésilien</translation>
    </message>
    <message>
        <source>Argentine peso</source>
        <translation>Peso argentin</translation>
    </message>
    <message>
        <source>Chilean peso</source>
        <translation>Peso chilien</translation>
    </message>
    <message>
        <source>Colombian peso</source>
        <translation>Peso colombien</translation>
    </message>
    <message>
        <source>Peruvian sol</source>
        <translation>Sol péruvien</translation>
    </message>
    <message>
        <source>South African rand</source>
        <translation>Rand sud-africain</translation>
    </message>
    <message>
        <source>Nigerian naira</source>
        <translation>Naira nigérian</translation>
    </message>
    <message>
        <source>Kenyan shilling</source>
        <translation>Shilling kényan</translation>
    </message>
    <message>
        <source>Indian rupee</source>
        <translation>Roupie indienne</translation>
    </message>
    <message>
        <source>Chinese yuan</source>
        <translation>Yuan chinois</translation>
    </message>
    <message>
        <source>Hong Kong dollar</source>
        <translation>Dollar de Hong Kong</translation>
    </message>
    <message>
        <source>Singapore dollar</source>
        <translation>Dollar de Singapour</translation>
    </message>
    <message>
        <source>South Korean won</source>
        <translation>Won sud-coréen</translation>
    </message>
    <message>
        <source>Thai baht</source>
        <translation>Baht thaïlandais</translation>
    </message>
    <message>
        <source>Philippine peso</source>
        <translation>Peso philippin</translation>
    </message>
    <message>
        <source>Indonesian rupiah</source>
        <translation>Roupie indonésienne</translation>
    </message>
    <message>
        <source>UAE dirham</source>
        <translation>Dirham des Émirats</translation>
    </message>
    <message>
        <source>Israeli shekel</source>
        <translation>Shekel israélien</translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <source>Customer display</source>
        <translation>Écran client</translation>
    </message>
    <message>
        <source>TRAINING - practice only, do not pay</source>
        <translation>FORMATION - exercice seulement, ne payez pas</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Bienvenue</translation>
    </message>
    <message>
        <source>Your basket</source>
        <translation>Votre panier</translation>
    </message>
    <message>
        <source>Scan with your Cashu wallet, or show your token to the camera.</source>
        <translation>Scannez avec votre portefeuille Cashu, ou montrez votre jeton à la caméra.</translation>
    </message>
    <message>
        <source>Checking your payment…</source>
        <translation>Vérification de votre paiement…</translation>
    </message>
    <message>
        <source>Paid, thank you</source>
        <translation>Payé, merci</translation>
    </message>
    <message>
        <source>Thank you. {left} still to pay: please show another token.</source>
        <translation>Merci. Reste {left} à payer&#xa0;: montrez un autre jeton, s&apos;il vous plaît.</translation>
    </message>
    <message>
        <source>This token was not accepted. Please show another one.</source>
        <translation>Ce jeton n&apos;a pas été accepté. Montrez-en un autre, s&apos;il vous plaît.</translation>
    </message>
    <message>
        <source>Your token was received. The shop confirms it shortly.</source>
        <translation>Votre jeton est bien reçu. Le commerce le confirme sous peu.</translation>
    </message>
    <message>
        <source>Please wait: the cashier is checking your payment.</source>
        <translation>Un instant&#xa0;: le caissier vérifie votre paiement.</translation>
    </message>
    <message>
        <source>Your token could not be redeemed. Please pay again.</source>
        <translation>Votre jeton n&apos;a pas pu être encaissé. Veuillez payer à nouveau.</translation>
    </message>
    <message>
        <source>This price has expired. The cashier starts a new sale.</source>
        <translation>Ce prix a expiré. Le caissier lance une nouvelle vente.</translation>
    </message>
    <message>
        <source>Your change: scan it with your wallet</source>
        <translation>Votre monnaie&#xa0;: scannez-la avec votre portefeuille</translation>
    </message>
</context>
<context>
    <name>CustomerWalletWindow</name>
    <message>
        <source>Customer wallet - TRAINING</source>
        <translation>Portefeuille du client - FORMATION</translation>
    </message>
    <message>
        <source>TRAINING - the customer&apos;s phone, play money</source>
        <translation>FORMATION - le téléphone du client, argent fictif</translation>
    </message>
    <message>
        <source>Pay: show a QR code</source>
        <translation>Payer : montrer un code QR</translation>
    </message>
    <message>
        <source>Pay: show an animated QR</source>
        <translation>Payer : montrer un QR animé</translation>
    </message>
    <message>
        <source>Copy the token</source>
        <translation>Copier le jeton</translation>
    </message>
    <message>
        <source>The same token again</source>
        <translation>Le même jeton à nouveau</translation>
    </message>
    <message>
        <source>1 sat too little</source>
        <translation>1 sat de moins</translation>
    </message>
    <message>
        <source>From an unknown mint</source>
        <translation>D&apos;une mint inconnue</translation>
    </message>
    <message>
        <source>Mint down 1 minute</source>
        <translation>Mint arrêtée 1 minute</translation>
    </message>
    <message>
        <source>The till&apos;s camera sees this screen</source>
        <translation>La caméra de la caisse voit cet écran</translation>
    </message>
    <message>
        <source>Practise a problem</source>
        <translation>S&apos;exercer à un problème</translation>
    </message>
    <message>
        <source>No sale at the till: type an amount there and Charge.</source>
        <translation>Aucune vente à la caisse : saisissez-y un montant et Encaisser.</translation>
    </message>
    <message>
        <source>The till asks for {due} sat.</source>
        <translation>La caisse demande {due} sat.</translation>
    </message>
    <message>
        <source>Mint back in {s} s</source>
        <translation>Mint de retour dans {s} s</translation>
    </message>
    <message>
        <source>Paying…</source>
        <translation>Paiement…</translation>
    </message>
    <message>
        <source>The customer&apos;s wallet cannot reach the training mint (is it stopped?).</source>
        <translation>Le portefeuille du client n&apos;atteint pas la mint de formation (est-elle arrêtée ?).</translation>
    </message>
    <message>
        <source>Showing the token as an animated code: hold it up to the till.</source>
        <translation>Le jeton est montré en code animé : présentez-le à la caisse.</translation>
    </message>
    <message>
        <source>Showing the token: hold it up to the till.</source>
        <translation>Le jeton est montré : présentez-le à la caisse.</translation>
    </message>
    <message>
        <source>Token copied: paste it at the till.</source>
        <translation>Jeton copié : collez-le à la caisse.</translation>
    </message>
    <message>
        <source>The training mint is stopped. The till keeps a token it cannot redeem now and redeems it when the mint is back.</source>
        <translation>La mint de formation est arrêtée. La caisse garde un jeton qu&apos;elle ne peut pas encaisser maintenant et l&apos;encaisse au retour de la mint.</translation>
    </message>
    <message>
        <source>The training mint is back.</source>
        <translation>La mint de formation est de retour.</translation>
    </message>
</context>
<context>
    <name>DeliveryDialog</name>
    <message>
        <source>Webhook delivery {id}</source>
        <translation>Livraison de webhook {id}</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>The receiver sent no answer body.</source>
        <translation>Le destinataire n&apos;a envoyé aucun corps de réponse.</translation>
    </message>
    <message>
        <source>Redeliver</source>
        <translation>Relivrer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>What the receiver answered (first 2 kB)</source>
        <translation>Ce que le destinataire a répondu (2 premiers ko)</translation>
    </message>
    <message>
        <source>Event: {type}</source>
        <translation>Événement : {type}</translation>
    </message>
    <message>
        <source>State: {state}, {attempts} attempt(s)</source>
        <translation>État : {state}, {attempts} tentative(s)</translation>
    </message>
    <message>
        <source>Next attempt: {when}</source>
        <translation>Prochaine tentative : {when}</translation>
    </message>
    <message>
        <source>Delivered: {when}</source>
        <translation>Livré : {when}</translation>
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
        <translation>Remise</translation>
    </message>
    <message>
        <source>10% or 2.50</source>
        <translation>10% ou 2.50</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
</context>
<context>
    <name>DismissDialog</name>
    <message>
        <source>Accept payment</source>
        <translation>Accepter le paiement</translation>
    </message>
    <message>
        <source>The payment ({amount}) will be credited to its sale. Why do you accept it?</source>
        <translation>Le paiement ({amount}) sera crédité à sa vente. Pourquoi l&apos;acceptez-vous&#xa0;?</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accepter</translation>
    </message>
    <message>
        <source>Refunded another way</source>
        <translation>Remboursé autrement</translation>
    </message>
    <message>
        <source>The refund of {amount} is recorded as given, and leaves the list. How was the customer refunded?</source>
        <translation>Le remboursement de {amount} est enregistré comme effectué et quitte la liste. Comment le client a-t-il été remboursé ?</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Close failed payment</source>
        <translation>Fermer le paiement échoué</translation>
    </message>
    <message>
        <source>The failed payment ({amount}) leaves the list; the sale is not credited. Nothing is deleted. How was it settled?</source>
        <translation>Le paiement échoué ({amount}) quitte la liste ; la vente n&apos;est pas créditée. Rien n&apos;est supprimé. Comment a-t-il été réglé ?</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Reject payment</source>
        <translation>Refuser le paiement</translation>
    </message>
    <message>
        <source>The payment ({amount}) will be closed without crediting the sale. Nothing is deleted. Why is it rejected?</source>
        <translation>Le paiement ({amount}) sera clos sans créditer la vente. Rien n&apos;est effacé. Pourquoi le refusez-vous&#xa0;?</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Refuser</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Classer</translation>
    </message>
    <message>
        <source>The app will stop trying to finish this operation ({amount}). Nothing is deleted: the token and the record stay. Why is it dismissed?</source>
        <translation>L&apos;app cessera d&apos;essayer de terminer cette opération ({amount}). Rien n&apos;est effacé&#xa0;: le jeton et l&apos;historique restent. Pourquoi la classer&#xa0;?</translation>
    </message>
    <message>
        <source>For example: refunded the customer in cash</source>
        <translation>Par exemple&#xa0;: client remboursé en espèces</translation>
    </message>
</context>
<context>
    <name>EndOfDayDialog</name>
    <message>
        <source>End of day</source>
        <translation>Clôture de la journée</translation>
    </message>
    <message>
        <source>Now (X report)</source>
        <translation>Maintenant (rapport X)</translation>
    </message>
    <message>
        <source>The figures and the drawer since the last Z report</source>
        <translation>Les chiffres et la caisse depuis le dernier rapport Z</translation>
    </message>
    <message>
        <source>Close the day (Z report)…</source>
        <translation>Clôturer la journée (rapport Z)…</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Enregistrer en PDF…</translation>
    </message>
    <message>
        <source>Save CSV…</source>
        <translation>Enregistrer en CSV…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>This till</source>
        <translation>Cette caisse</translation>
    </message>
    <message>
        <source>Whole shop</source>
        <translation>Tout le magasin</translation>
    </message>
    <message>
        <source>This till: its own sales and Z reports. Whole shop: every till&apos;s sales and the ecash drawer, with the shop&apos;s own Z reports.</source>
        <translation>Cette caisse : ses propres ventes et rapports Z. Tout le magasin : les ventes de toutes les caisses et la caisse ecash, avec les rapports Z propres au magasin.</translation>
    </message>
    <message>
        <source>Z reports</source>
        <translation>Rapports Z</translation>
    </message>
    <message>
        <source>Counting, and checking the drawer at the mints…</source>
        <translation>Comptage et vérification de la caisse auprès des mints…</translation>
    </message>
    <message>
        <source>This X report changes nothing. Close the day to keep it.</source>
        <translation>Ce rapport X ne change rien. Clôturez la journée pour le conserver.</translation>
    </message>
    <message>
        <source>Z {number} · {closed} · {sales} sales</source>
        <translation>Z {number} · {closed} · {sales} ventes</translation>
    </message>
    <message>
        <source>CHANGED</source>
        <translation>MODIFIÉ</translation>
    </message>
    <message>
        <source>This report no longer matches its digest: it was changed.</source>
        <translation>Ce rapport ne correspond plus à son empreinte : il a été modifié.</translation>
    </message>
    <message>
        <source>Z report {number}, closed.</source>
        <translation>Rapport Z {number}, clôturé.</translation>
    </message>
    <message>
        <source>Close the day</source>
        <translation>Clôturer la journée</translation>
    </message>
    <message>
        <source>Close the whole shop&apos;s period with a shop Z report? It counts every till&apos;s sales and the ecash drawer, gets the shop&apos;s next number, is kept unchangeable, and the sales in it can no longer change.</source>
        <translation>Clôturer la période de tout le magasin par un rapport Z du magasin ? Il compte les ventes de toutes les caisses et la caisse ecash, reçoit le numéro suivant du magasin, reste inchangeable, et les ventes qu&apos;il contient ne peuvent plus changer.</translation>
    </message>
    <message>
        <source>Close the period with a Z report? It gets the next number, is kept unchangeable, and the sales in it can no longer change.</source>
        <translation>Clôturer la période avec un rapport Z ? Il reçoit le numéro suivant, reste inchangeable, et ses ventes ne peuvent plus changer.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Closing the day…</source>
        <translation>Clôture de la journée…</translation>
    </message>
    <message>
        <source>Z report {number} is closed.</source>
        <translation>Le rapport Z {number} est clôturé.</translation>
    </message>
    <message>
        <source>Nothing happened since Z report {number}: nothing was closed.</source>
        <translation>Rien ne s&apos;est passé depuis le rapport Z {number} : rien n&apos;a été clôturé.</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Enregistrer le rapport</translation>
    </message>
    <message>
        <source>Saved to {file}</source>
        <translation>Enregistré dans {file}</translation>
    </message>
</context>
<context>
    <name>ExportBar</name>
    <message>
        <source>Payments (CSV)…</source>
        <translation>Paiements (CSV)…</translation>
    </message>
    <message>
        <source>Daily summary (CSV)…</source>
        <translation>Résumé par jour (CSV)…</translation>
    </message>
    <message>
        <source>Report (PDF)…</source>
        <translation>Rapport (PDF)…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Writing {name}…</source>
        <translation>Écriture de {name}…</translation>
    </message>
    <message>
        <source>Saved {name} ({n} pages)</source>
        <translation>{name} enregistré ({n} pages)</translation>
    </message>
    <message>
        <source>Saved {name} ({n} rows)</source>
        <translation>{name} enregistré ({n} lignes)</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export ecash</source>
        <translation>Exporter de l&apos;e-cash</translation>
    </message>
    <message>
        <source>Export ecash to a file</source>
        <translation>Exporter de l&apos;e-cash dans un fichier</translation>
    </message>
    <message>
        <source>The token is saved as a text file, with a QR picture beside it. Whoever has the file can spend the ecash, so keep it safe, or lock it to the recipient&apos;s key so that only they can redeem it.</source>
        <translation>Le jeton est enregistré dans un fichier texte, avec une image QR à côté. Quiconque a le fichier peut dépenser l&apos;e-cash&#xa0;: gardez-le en lieu sûr, ou verrouillez-le sur la clé du destinataire pour que lui seul puisse l&apos;encaisser.</translation>
    </message>
    <message>
        <source>Optional: the recipient&apos;s public key (66 hex)</source>
        <translation>Facultatif&#xa0;: clé publique du destinataire (66 caractères hex)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Looking for a USB drive…</source>
        <translation>Recherche d&apos;une clé USB…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Mint</source>
        <translation>Mint</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Lock to key</source>
        <translation>Verrouiller sur une clé</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>There is no ecash to export yet.</source>
        <translation>Pas encore d&apos;e-cash à exporter.</translation>
    </message>
    <message>
        <source>USB drive found: {path}</source>
        <translation>Clé USB trouvée&#xa0;: {path}</translation>
    </message>
    <message>
        <source>No USB drive found: the file goes to this folder.</source>
        <translation>Aucune clé USB trouvée&#xa0;: le fichier va dans ce dossier.</translation>
    </message>
    <message>
        <source>Export to folder</source>
        <translation>Exporter dans le dossier</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Choose a folder that exists (is the USB drive plugged in?).</source>
        <translation>Choisissez un dossier qui existe (la clé USB est-elle branchée&#xa0;?).</translation>
    </message>
    <message>
        <source>Exported {amount}</source>
        <translation>{amount} exportés</translation>
    </message>
    <message>
        <source>Saved to: {path}</source>
        <translation>Enregistré dans&#xa0;: {path}</translation>
    </message>
    <message>
        <source>Locked to: {key}</source>
        <translation>Verrouillé sur&#xa0;: {key}</translation>
    </message>
    <message>
        <source>Mint fee: {fee}</source>
        <translation>Frais du mint&#xa0;: {fee}</translation>
    </message>
</context>
<context>
    <name>ExportHistory</name>
    <message>
        <source>Exported tokens</source>
        <translation>Jetons exportés</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Mint</source>
        <translation>Mint</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>No token was exported yet.</source>
        <translation>Aucun jeton exporté pour l&apos;instant.</translation>
    </message>
    <message>
        <source>Check claims</source>
        <translation>Vérifier les encaissements</translation>
    </message>
    <message>
        <source>Ask the mints which of the unclaimed exports were redeemed since.</source>
        <translation>Demander aux mints quels exports non encaissés l&apos;ont été depuis.</translation>
    </message>
    <message>
        <source>Show QR…</source>
        <translation>Afficher le QR…</translation>
    </message>
    <message>
        <source>Take back…</source>
        <translation>Reprendre…</translation>
    </message>
    <message>
        <source>The stick was lost: put what nobody redeemed back into the wallet. The token on the stick stops working.</source>
        <translation>La clé USB est perdue : remettre dans le portefeuille ce que personne n&apos;a encaissé. Le jeton sur la clé cesse de fonctionner.</translation>
    </message>
    <message>
        <source>Export everything…</source>
        <translation>Tout exporter…</translation>
    </message>
    <message>
        <source>Every mint&apos;s ecash to a folder: one file each, with a list of the files.</source>
        <translation>L&apos;ecash de chaque mint dans un dossier : un fichier chacun, avec la liste des fichiers.</translation>
    </message>
    <message>
        <source>File: {path}</source>
        <translation>Fichier : {path}</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Monnaie rendue</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Remboursement</translation>
    </message>
    <message>
        <source>{kind}, locked</source>
        <translation>{kind}, verrouillé</translation>
    </message>
    <message>
        <source>Being taken back…</source>
        <translation>Reprise en cours…</translation>
    </message>
    <message>
        <source>Partly claimed ({claimed})</source>
        <translation>Partiellement encaissé ({claimed})</translation>
    </message>
    <message>
        <source>Taken back ({claimed} claimed before)</source>
        <translation>Repris ({claimed} encaissé avant)</translation>
    </message>
    <message>
        <source>Not claimed yet</source>
        <translation>Pas encore encaissé</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>Encaissé</translation>
    </message>
    <message>
        <source>Taken back</source>
        <translation>Repris</translation>
    </message>
    <message>
        <source>Checking with the mints…</source>
        <translation>Vérification auprès des mints…</translation>
    </message>
    <message>
        <source>{n} export(s) were claimed.</source>
        <translation>{n} export(s) ont été encaissé(s).</translation>
    </message>
    <message>
        <source>{n} export(s) were partly claimed.</source>
        <translation>{n} export(s) ont été partiellement encaissé(s).</translation>
    </message>
    <message>
        <source>No new claims.</source>
        <translation>Aucun nouvel encaissement.</translation>
    </message>
    <message>
        <source>{mint} could not be checked: {reason}.</source>
        <translation>{mint} n&apos;a pas pu être vérifié : {reason}.</translation>
    </message>
    <message>
        <source>Take back</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Take back the export of {amount} from {when}?</source>
        <translation>Reprendre l&apos;export de {amount} du {when} ?</translation>
    </message>
    <message>
        <source>What nobody redeemed comes back into the wallet, minus the mint&apos;s fee. The token on the stick or paper stops working: do this only when it was lost.</source>
        <translation>Ce que personne n&apos;a encaissé revient dans le portefeuille, moins les frais de la mint. Le jeton sur la clé ou le papier cesse de fonctionner : à faire seulement s&apos;il est perdu.</translation>
    </message>
    <message>
        <source>Keep it out</source>
        <translation>Le laisser dehors</translation>
    </message>
    <message>
        <source>Taking the export back…</source>
        <translation>Reprise de l&apos;export…</translation>
    </message>
    <message>
        <source>Taken back: {amount} (mint fee {fee}).</source>
        <translation>Repris : {amount} (frais de la mint {fee}).</translation>
    </message>
    <message>
        <source>{claimed} had been claimed before.</source>
        <translation>{claimed} avaient été encaissés avant.</translation>
    </message>
</context>
<context>
    <name>ExportSettingsDialog</name>
    <message>
        <source>Export settings</source>
        <translation>Exporter les paramètres</translation>
    </message>
    <message>
        <source>Every setting is written to a file that another till can import. The seed, the ecash and the database key are never in it.</source>
        <translation>Tous les paramètres sont écrits dans un fichier qu&apos;une autre caisse peut importer. La seed, l&apos;ecash et la clé de la base de données n&apos;y figurent jamais.</translation>
    </message>
    <message>
        <source>Include the webhook secrets (encrypted)</source>
        <translation>Inclure les secrets des webhooks (chiffrés)</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Confirmer</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Type a passphrase to protect the secrets.</source>
        <translation>Saisissez une phrase secrète pour protéger les secrets.</translation>
    </message>
    <message>
        <source>The passphrases differ.</source>
        <translation>Les phrases secrètes ne correspondent pas.</translation>
    </message>
    <message>
        <source>Export settings to</source>
        <translation>Exporter les paramètres vers</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportation…</translation>
    </message>
    <message>
        <source>Exported {n} settings to {path}.</source>
        <translation>{n} paramètres exportés vers {path}.</translation>
    </message>
</context>
<context>
    <name>ExportTokenDialog</name>
    <message>
        <source>Exported token</source>
        <translation>Jeton exporté</translation>
    </message>
    <message>
        <source>Reading the token…</source>
        <translation>Lecture du jeton…</translation>
    </message>
    <message>
        <source>Save to a file…</source>
        <translation>Enregistrer dans un fichier…</translation>
    </message>
    <message>
        <source>Exported on {when} at {mint}</source>
        <translation>Exporté le {when} chez {mint}</translation>
    </message>
    <message>
        <source>Saved to: {path}</source>
        <translation>Enregistré dans : {path}</translation>
    </message>
    <message>
        <source>{claimed} of {amount} were claimed already; this token holds the rest.</source>
        <translation>{claimed} sur {amount} ont déjà été encaissés ; ce jeton contient le reste.</translation>
    </message>
    <message>
        <source>Unclaimed: {amount}</source>
        <translation>Non encaissé : {amount}</translation>
    </message>
    <message>
        <source>The token cannot be shown</source>
        <translation>Le jeton ne peut pas être affiché</translation>
    </message>
    <message>
        <source>Save the token to a folder</source>
        <translation>Enregistrer le jeton dans un dossier</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
</context>
<context>
    <name>FeesPage</name>
    <message>
        <source>Fees and limits</source>
        <translation>Frais et limites</translation>
    </message>
    <message>
        <source>What a payment may cost the shop, and how large a sale may be.</source>
        <translation>Ce qu&apos;un paiement peut coûter à la boutique, et la taille maximale d&apos;une vente.</translation>
    </message>
</context>
<context>
    <name>FileField</name>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
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
        <translation>État</translation>
    </message>
    <message>
        <source>Last check</source>
        <translation>Dernière vérification</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>Available (24 h)</source>
        <translation>Disponible (24 h)</translation>
    </message>
    <message>
        <source>Usual / slow answer (24 h)</source>
        <translation>Habituel / lent (24 h)</translation>
    </message>
    <message>
        <source>Available (7 days)</source>
        <translation>Disponible (7 jours)</translation>
    </message>
    <message>
        <source>Usual / slow answer (7 days)</source>
        <translation>Habituel / lent (7 jours)</translation>
    </message>
    <message>
        <source>How long the mint took to answer the last check.</source>
        <translation>Temps de réponse du mint à la dernière vérification.</translation>
    </message>
    <message>
        <source>Share of checks the mint answered.</source>
        <translation>Part des vérifications auxquelles le mint a répondu.</translation>
    </message>
    <message>
        <source>Usual: half of the answers were faster (median, p50). Slow: 19 of 20 answers were faster (95th percentile, p95).</source>
        <translation>Habituel&#xa0;: la moitié des réponses étaient plus rapides (médiane, p50). Lent&#xa0;: 19 réponses sur 20 étaient plus rapides (95e centile, p95).</translation>
    </message>
    <message>
        <source>Mints</source>
        <translation>Mints</translation>
    </message>
    <message>
        <source>Mint health</source>
        <translation>État des mints</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>Vérifier maintenant</translation>
    </message>
    <message>
        <source>No trusted mint yet. Add one in Settings.</source>
        <translation>Aucun mint de confiance pour l&apos;instant. Ajoutez-en un dans les réglages.</translation>
    </message>
    <message numerus="yes">
        <source>%n mint(s) offline. Tokens from them are kept and retried.</source>
        <translation>
            <numerusform>%n mint hors ligne. Ses jetons sont gardés et réessayés.</numerusform>
            <numerusform>%n mints hors ligne. Leurs jetons sont gardés et réessayés.</numerusform>
        </translation>
    </message>
    <message>
        <source>All trusted mints answer.</source>
        <translation>Tous les mints de confiance répondent.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import ecash</source>
        <translation>Importer de l&apos;e-cash</translation>
    </message>
    <message>
        <source>Paste a token, scan its QR code, or open a token file.</source>
        <translation>Collez un jeton, scannez son QR code ou ouvrez un fichier de jeton.</translation>
    </message>
    <message>
        <source>cashuB… (Ctrl+V to paste)</source>
        <translation>cashuB… (Ctrl+V pour coller)</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <source>Open file…</source>
        <translation>Ouvrir un fichier…</translation>
    </message>
    <message>
        <source>Open folder…</source>
        <translation>Ouvrir un dossier…</translation>
    </message>
    <message>
        <source>Import every token file of a folder (an export of everything, say).</source>
        <translation>Importer chaque fichier de jeton d&apos;un dossier (un export de tout, par exemple).</translation>
    </message>
    <message>
        <source>Receive</source>
        <translation>Recevoir</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Entrée</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Open a token file</source>
        <translation>Ouvrir un fichier de jeton</translation>
    </message>
    <message>
        <source>Token files (*.txt);;All files (*)</source>
        <translation>Fichiers de jeton (*.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>Lecture de {name}…</translation>
    </message>
    <message>
        <source>Open a folder of token files</source>
        <translation>Ouvrir un dossier de fichiers de jetons</translation>
    </message>
    <message>
        <source>Importing the files of {name}…</source>
        <translation>Importation des fichiers de {name}…</translation>
    </message>
    <message>
        <source>received {amount}</source>
        <translation>{amount} reçu</translation>
    </message>
    <message>
        <source>taken back into the wallet: {amount}</source>
        <translation>repris dans le portefeuille : {amount}</translation>
    </message>
    <message>
        <source>imported before, skipped</source>
        <translation>déjà importé, ignoré</translation>
    </message>
    <message>
        <source>already spent</source>
        <translation>déjà dépensé</translation>
    </message>
    <message>
        <source>the mint did not answer; it is redeemed later</source>
        <translation>la mint n&apos;a pas répondu ; il sera encaissé plus tard</translation>
    </message>
    <message>
        <source>In all: {amount}</source>
        <translation>Au total : {amount}</translation>
    </message>
    <message>
        <source>Stop scanning</source>
        <translation>Arrêter le scan</translation>
    </message>
    <message>
        <source>Paste, scan or open a token first.</source>
        <translation>Collez, scannez ou ouvrez d&apos;abord un jeton.</translation>
    </message>
    <message>
        <source>Redeeming at the mint…</source>
        <translation>Encaissement auprès du mint…</translation>
    </message>
    <message>
        <source>Received {amount} at {mint}.</source>
        <translation>{amount} reçus sur {mint}.</translation>
    </message>
    <message>
        <source>The mint kept {fee} as its fee.</source>
        <translation>Le mint a gardé {fee} de frais.</translation>
    </message>
</context>
<context>
    <name>ImportSettingsDialog</name>
    <message>
        <source>Import settings</source>
        <translation>Importer les paramètres</translation>
    </message>
    <message>
        <source>Only when the file holds secrets</source>
        <translation>Seulement si le fichier contient des secrets</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>No file chosen.</source>
        <translation>Aucun fichier choisi.</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Choisir un fichier…</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Paramètre</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Actuel</translation>
    </message>
    <message>
        <source>From the file</source>
        <translation>Du fichier</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Import settings from</source>
        <translation>Importer les paramètres depuis</translation>
    </message>
    <message>
        <source>The file cannot be read: {reason}</source>
        <translation>Impossible de lire le fichier : {reason}</translation>
    </message>
    <message>
        <source>The file holds the settings this till already has.</source>
        <translation>Le fichier contient les paramètres que cette caisse a déjà.</translation>
    </message>
    <message>
        <source>{n} setting(s) will change.</source>
        <translation>{n} paramètre(s) vont changer.</translation>
    </message>
    <message>
        <source>Not known to this version, left out: {keys}.</source>
        <translation>Inconnus de cette version, ignorés : {keys}.</translation>
    </message>
    <message>
        <source>The file holds secrets: type its passphrase to import them.</source>
        <translation>Le fichier contient des secrets : saisissez sa phrase secrète pour les importer.</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <source>Optional, e.g. COFFEE-L</source>
        <translation>Facultatif, p. ex. CAFE-L</translation>
    </message>
    <message>
        <source>Optional: a tab of quick keys</source>
        <translation>Facultatif : un onglet de touches rapides</translation>
    </message>
    <message>
        <source>Shop default ({rate} %)</source>
        <translation>Taux par défaut de la boutique ({rate} %)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>On sale (a quick key on the Sell page)</source>
        <translation>En vente (une touche rapide sur la page Vendre)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>VAT rate (%)</source>
        <translation>Taux de TVA (%)</translation>
    </message>
    <message>
        <source>Key colour</source>
        <translation>Couleur de la touche</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>En vente</translation>
    </message>
</context>
<context>
    <name>ItemsDialog</name>
    <message>
        <source>Items</source>
        <translation>Articles</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>ItemsPanel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>TVA</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>En vente</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>Importer un CSV…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>{rate} % (default)</source>
        <translation>{rate} % (par défaut)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>Add an item</source>
        <translation>Ajouter un article</translation>
    </message>
    <message>
        <source>Added.</source>
        <translation>Ajouté.</translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>Modifier {name}</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Remove {name} from the catalogue?</source>
        <translation>Supprimer {name} du catalogue ?</translation>
    </message>
    <message>
        <source>Sales that sold it keep their lines. To keep it for later, take it off sale instead: it leaves the Sell page&apos;s quick keys.</source>
        <translation>Les ventes qui l&apos;ont vendu gardent leurs lignes. Pour le garder pour plus tard, retirez-le plutôt de la vente : il quitte les touches rapides de la page Vendre.</translation>
    </message>
    <message>
        <source>Take off sale</source>
        <translation>Retirer de la vente</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Garder</translation>
    </message>
    <message>
        <source>Removed.</source>
        <translation>Supprimé.</translation>
    </message>
    <message>
        <source>Taken off sale.</source>
        <translation>Retiré de la vente.</translation>
    </message>
    <message>
        <source>Import items from</source>
        <translation>Importer les articles depuis</translation>
    </message>
    <message>
        <source>Export items to</source>
        <translation>Exporter les articles vers</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importation…</translation>
    </message>
    <message>
        <source>Imported: {added} added, {updated} updated.</source>
        <translation>Importé : {added} ajouté(s), {updated} mis à jour.</translation>
    </message>
    <message>
        <source>Exported {n} item(s) to {path}.</source>
        <translation>{n} article(s) exporté(s) vers {path}.</translation>
    </message>
    <message>
        <source>The file cannot be read: {reason}</source>
        <translation>Le fichier ne peut pas être lu : {reason}</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text: save it as CSV UTF-8 and try again.</source>
        <translation>Le fichier n&apos;est pas du texte UTF-8 : enregistrez-le en CSV UTF-8 et réessayez.</translation>
    </message>
    <message>
        <source>The file cannot be written: {reason}</source>
        <translation>Le fichier ne peut pas être écrit : {reason}</translation>
    </message>
    <message>
        <source>The first line must name the columns: name and price, and any of {all}.</source>
        <translation>La première ligne doit nommer les colonnes : name et price, et au choix {all}.</translation>
    </message>
    <message>
        <source>Unknown columns: {names}.</source>
        <translation>Colonnes inconnues : {names}.</translation>
    </message>
    <message>
        <source>{n} row(s) are not valid; nothing was imported.</source>
        <translation>{n} ligne(s) ne sont pas valides ; rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>Line {line}</source>
        <translation>Ligne {line}</translation>
    </message>
    <message>
        <source>…and {n} more.</source>
        <translation>…et {n} de plus.</translation>
    </message>
</context>
<context>
    <name>KeyPage</name>
    <message>
        <source>Protect the wallet</source>
        <translation>Protéger le portefeuille</translation>
    </message>
    <message>
        <source>The wallet&apos;s database is encrypted. Choose where its key is kept.</source>
        <translation>La base de données du portefeuille est chiffrée. Choisissez où garder sa clé.</translation>
    </message>
    <message>
        <source>This computer&apos;s keyring</source>
        <translation>Trousseau de clés de cet ordinateur</translation>
    </message>
    <message>
        <source>A passphrase, asked at every start</source>
        <translation>Une phrase secrète, demandée à chaque démarrage</translation>
    </message>
    <message>
        <source>{var} is set in the environment: the database will be encrypted with that key. Keep it safe: without it the wallet cannot be opened.</source>
        <translation>{var} est défini dans l&apos;environnement&#xa0;: la base de données sera chiffrée avec cette clé. Gardez-la en lieu sûr&#xa0;: sans elle, le portefeuille ne s&apos;ouvre pas.</translation>
    </message>
    <message>
        <source>The app opens without asking when you log in to this computer.</source>
        <translation>L&apos;app s&apos;ouvre sans rien demander quand vous ouvrez votre session sur cet ordinateur.</translation>
    </message>
    <message>
        <source>No keyring is available on this computer.</source>
        <translation>Aucun trousseau de clés n&apos;est disponible sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>Repeat it</source>
        <translation>Répétez-la</translation>
    </message>
    <message>
        <source>at least {n} characters</source>
        <translation>au moins {n} caractères</translation>
    </message>
    <message>
        <source>Without the passphrase the wallet cannot be opened; your recovery words still restore the money.</source>
        <translation>Sans la phrase secrète, le portefeuille ne s&apos;ouvre pas&#xa0;; vos mots de récupération permettent quand même de récupérer l&apos;argent.</translation>
    </message>
    <message>
        <source>Choose at least {n} characters.</source>
        <translation>Choisissez au moins {n} caractères.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Les deux phrases secrètes diffèrent.</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>Memo (optional)</source>
        <translation>Note (facultatif)</translation>
    </message>
    <message>
        <source>Clear (Esc)</source>
        <translation>Effacer (Échap)</translation>
    </message>
    <message>
        <source>Charge  ⏎</source>
        <translation>Encaisser  ⏎</translation>
    </message>
    <message>
        <source>Creating sale…</source>
        <translation>Création de la vente…</translation>
    </message>
    <message>
        <source>Type an amount first.</source>
        <translation>Saisissez d&apos;abord un montant.</translation>
    </message>
    <message>
        <source>includes {fee} fee</source>
        <translation>dont {fee} de frais</translation>
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
        <translation>Adresse Lightning</translation>
    </message>
    <message>
        <source>Where the till pays out to Lightning: name@example.com or an LNURL-pay link.</source>
        <translation>Où la caisse paie via Lightning : nom@example.com ou un lien LNURL-pay.</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>nom@example.com</translation>
    </message>
    <message>
        <source>The payment mode or preset you chose pays out to this address: it is needed.</source>
        <translation>Le mode de paiement ou le préréglage choisi paie vers cette adresse : elle est nécessaire.</translation>
    </message>
    <message>
        <source>Optional: you keep your mints&apos; ecash. You can add it later in Settings.</source>
        <translation>Facultatif : vous gardez l&apos;ecash de vos mints. Vous pourrez l&apos;ajouter plus tard dans les Réglages.</translation>
    </message>
    <message>
        <source>Checking the address…</source>
        <translation>Vérification de l&apos;adresse…</translation>
    </message>
    <message>
        <source>It answers: payments from {low} to {high} sat.</source>
        <translation>Elle répond : paiements de {low} à {high} sat.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Cashu point of sale</source>
        <translation>Caisse Cashu</translation>
    </message>
    <message>
        <source>Opening the wallet…</source>
        <translation>Ouverture du portefeuille…</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>Changer d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Cashu point of sale - TRAINING</source>
        <translation>Caisse Cashu - FORMATION</translation>
    </message>
    <message>
        <source>TRAINING - play money, not real sales</source>
        <translation>FORMATION - argent fictif, pas de vraies ventes</translation>
    </message>
    <message>
        <source>The wallet is not open.</source>
        <translation>Le portefeuille n&apos;est pas ouvert.</translation>
    </message>
    <message>
        <source>&amp;App</source>
        <translation>&amp;Appli</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Items…</source>
        <translation>&amp;Articles…</translation>
    </message>
    <message>
        <source>&amp;Customer wallet…</source>
        <translation>Portefeuille du &amp;client…</translation>
    </message>
    <message>
        <source>&amp;Leave training mode</source>
        <translation>&amp;Quitter le mode formation</translation>
    </message>
    <message>
        <source>Open {page}</source>
        <translation>Ouvrir {page}</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>Changing the items needs a manager.</source>
        <translation>Modifier les articles demande un responsable.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>A sale is open: {amount}, not paid yet.</source>
        <translation>Une vente est ouverte : {amount}, pas encore payée.</translation>
    </message>
    <message>
        <source>If you quit now, the customer cannot pay it at this till; it stays in Activity and expires on its own. Money already received is kept.</source>
        <translation>Si vous quittez maintenant, le client ne peut plus payer à cette caisse ; la vente reste dans Activité et expire d&apos;elle-même. L&apos;argent déjà reçu est conservé.</translation>
    </message>
    <message>
        <source>Keep selling</source>
        <translation>Continuer la vente</translation>
    </message>
    <message>
        <source>Cashu point of sale - {till}</source>
        <translation>Caisse Cashu - {till}</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>4 to 8 digits</source>
        <translation>4 à 8 chiffres</translation>
    </message>
    <message>
        <source>The same again</source>
        <translation>La même à nouveau</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>PIN à nouveau</translation>
    </message>
    <message>
        <source>The two PINs are not the same: type the new PIN again twice.</source>
        <translation>Les deux PIN ne sont pas identiques : saisissez à nouveau le nouveau PIN deux fois.</translation>
    </message>
</context>
<context>
    <name>MintCheck</name>
    <message>
        <source>checks whether a token is spent</source>
        <translation>vérifie si un jeton est dépensé</translation>
    </message>
    <message>
        <source>restores the shop&apos;s coins from its recovery words</source>
        <translation>restaure les pièces du commerce à partir de ses mots de récupération</translation>
    </message>
    <message>
        <source>proves its tokens are genuine</source>
        <translation>prouve que ses jetons sont authentiques</translation>
    </message>
    <message>
        <source>pays out to Lightning</source>
        <translation>verse via Lightning</translation>
    </message>
    <message>
        <source>returns Lightning fee change</source>
        <translation>rend la monnaie des frais Lightning</translation>
    </message>
    <message>
        <source>tokens made out to the shop (offline payments)</source>
        <translation>jetons établis au nom du commerce (paiements hors ligne)</translation>
    </message>
    <message>
        <source>prices in sats</source>
        <translation>prix en sats</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Vérifier</translation>
    </message>
    <message>
        <source>Mint address</source>
        <translation>Adresse du mint</translation>
    </message>
    <message>
        <source>Checking {url}…</source>
        <translation>Vérification de {url}…</translation>
    </message>
    <message>
        <source>This mint cannot be used</source>
        <translation>Ce mint n&apos;est pas utilisable</translation>
    </message>
    <message>
        <source>Nothing answered at this address. Check the address and the internet connection.</source>
        <translation>Rien n&apos;a répondu à cette adresse. Vérifiez l&apos;adresse et la connexion Internet.</translation>
    </message>
    <message>
        <source>This address did not answer like a Cashu mint: {reason}</source>
        <translation>Cette adresse n&apos;a pas répondu comme un mint Cashu&#xa0;: {reason}</translation>
    </message>
</context>
<context>
    <name>MintList</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unités</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Ordre</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Solde</translation>
    </message>
    <message>
        <source>Trusted</source>
        <translation>De confiance</translation>
    </message>
    <message>
        <source>Add mint…</source>
        <translation>Ajouter un mint…</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Use this mint before the one above it</source>
        <translation>Utiliser ce mint avant celui du dessus</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>Use this mint after the one below it</source>
        <translation>Utiliser ce mint après celui du dessous</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>Faire confiance</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>{url} is now number {n} in the order.</source>
        <translation>{url} est maintenant numéro {n} dans l’ordre.</translation>
    </message>
    <message>
        <source>Only trusted mints have a place in the order.</source>
        <translation>Seules les mints de confiance ont une place dans l&apos;ordre.</translation>
    </message>
    <message>
        <source>{url} is no longer used.</source>
        <translation>{url} n&apos;est plus utilisé.</translation>
    </message>
    <message>
        <source>{url} is trusted: its tokens are accepted.</source>
        <translation>{url} est de confiance&#xa0;: ses jetons sont acceptés.</translation>
    </message>
    <message>
        <source>{url} is no longer trusted.</source>
        <translation>{url} n&apos;est plus de confiance.</translation>
    </message>
    <message>
        <source>Don&apos;t trust</source>
        <translation>Ne plus faire confiance</translation>
    </message>
    <message>
        <source>Added {name}.</source>
        <translation>{name} ajouté.</translation>
    </message>
</context>
<context>
    <name>MintOfflineBanner</name>
    <message>
        <source>The mint %1 is offline right now. A token from it is kept and redeemed when it answers.</source>
        <translation>Le mint %1 est hors ligne pour l&apos;instant. Un jeton de ce mint est gardé et encaissé dès qu&apos;il répond.</translation>
    </message>
</context>
<context>
    <name>MintsPage</name>
    <message>
        <source>Trusted mints</source>
        <translation>Mints de confiance</translation>
    </message>
    <message>
        <source>Customers pay with ecash from mints the shop trusts. Add at least one; more can be added later in Settings.</source>
        <translation>Les clients paient en e-cash de mints auxquels le commerce fait confiance. Ajoutez-en au moins un&#xa0;; d&apos;autres pourront être ajoutés plus tard dans les réglages.</translation>
    </message>
    <message>
        <source>Add to the shop&apos;s mints</source>
        <translation>Ajouter aux mints du commerce</translation>
    </message>
    <message>
        <source>Take off the list</source>
        <translation>Retirer de la liste</translation>
    </message>
    <message>
        <source>The shop&apos;s mints:</source>
        <translation>Les mints du commerce&#xa0;:</translation>
    </message>
</context>
<context>
    <name>NotificationsDialog</name>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>Nothing needs your attention.</source>
        <translation>Rien ne demande votre attention.</translation>
    </message>
    <message>
        <source>Mark all as read</source>
        <translation>Tout marquer comme lu</translation>
    </message>
</context>
<context>
    <name>OwnerPage</name>
    <message>
        <source>The owner</source>
        <translation>Le propriétaire</translation>
    </message>
    <message>
        <source>With staff, the owner&apos;s PIN guards Settings, the seed and payouts, and the owner adds the cashiers later. Leave it empty if you work the till alone.</source>
        <translation>Avec du personnel, le PIN du propriétaire protège les paramètres, la seed et les retraits, et le propriétaire ajoute les caissiers plus tard. Laissez vide si vous tenez la caisse seul.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>PIN (4 to 8 digits)</source>
        <translation>PIN (4 à 8 chiffres)</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>Confirmer le PIN</translation>
    </message>
    <message>
        <source>Type a name of 1 to 40 letters, digits or spaces.</source>
        <translation>Saisissez un nom de 1 à 40 lettres, chiffres ou espaces.</translation>
    </message>
    <message>
        <source>A PIN is 4 to 8 digits.</source>
        <translation>Un PIN comporte 4 à 8 chiffres.</translation>
    </message>
    <message>
        <source>The two PINs differ.</source>
        <translation>Les deux PIN ne correspondent pas.</translation>
    </message>
</context>
<context>
    <name>Pager</name>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Précédent</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Suivant ▶</translation>
    </message>
    <message>
        <source>Previous page (Ctrl+Page Up)</source>
        <translation>Page précédente (Ctrl+Page préc.)</translation>
    </message>
    <message>
        <source>Next page (Ctrl+Page Down)</source>
        <translation>Page suivante (Ctrl+Page suiv.)</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Page {page} sur {pages}</translation>
    </message>
</context>
<context>
    <name>PaymentView</name>
    <message>
        <source>Cancel sale  Esc</source>
        <translation>Annuler la vente  Échap</translation>
    </message>
    <message>
        <source>New sale  ⏎</source>
        <translation>Nouvelle vente  ⏎</translation>
    </message>
    <message>
        <source>This token was already read for this sale.</source>
        <translation>Ce jeton a déjà été lu pour cette vente.</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>À vérifier</translation>
    </message>
    <message>
        <source>Payment failed: not paid</source>
        <translation>Paiement échoué : non payé</translation>
    </message>
    <message>
        <source>Waiting for payment</source>
        <translation>En attente du paiement</translation>
    </message>
    <message>
        <source>Show the customer the code, or hold their token up to the camera.</source>
        <translation>Montrez le code au client, ou présentez son jeton à la caméra.</translation>
    </message>
    <message>
        <source>Checking the token…</source>
        <translation>Vérification du jeton…</translation>
    </message>
    <message>
        <source>Please wait a moment.</source>
        <translation>Un instant, s&apos;il vous plaît.</translation>
    </message>
    <message>
        <source>Partially paid: {left} to go</source>
        <translation>Payé en partie&#xa0;: reste {left}</translation>
    </message>
    <message>
        <source>{paid} received. Scan the next token for the rest.</source>
        <translation>{paid} reçus. Scannez le jeton suivant pour le reste.</translation>
    </message>
    <message>
        <source>Still to pay: {left}.</source>
        <translation>Reste à payer&#xa0;: {left}.</translation>
    </message>
    <message>
        <source>Converting it cost {fee} in fees.</source>
        <translation>La conversion a coûté {fee} de frais.</translation>
    </message>
    <message>
        <source>Not confirmed yet.
Goods at the shop&apos;s risk.</source>
        <translation>Pas encore confirmé.
Marchandise aux risques du commerce.</translation>
    </message>
    <message>
        <source>Not paid.
Ask for another payment.</source>
        <translation>Non payé.
Demandez un autre paiement.</translation>
    </message>
    <message>
        <source>{paid} was already paid. Press Esc again to cancel the sale; the refund is then listed under Needs attention in Activity.</source>
        <translation>{paid} a déjà été payé. Appuyez à nouveau sur Échap pour annuler la vente ; le remboursement apparaît alors sous « À traiter » dans Activité.</translation>
    </message>
    <message>
        <source>Accepted offline: it is redeemed when the mint is back.</source>
        <translation>Accepté hors ligne&#xa0;: il sera encaissé au retour du mint.</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Payée</translation>
    </message>
    <message>
        <source>Sale expired</source>
        <translation>Vente expirée</translation>
    </message>
    <message>
        <source>The price lock ran out. Press Enter for a new sale of the same amount.</source>
        <translation>Le prix garanti a expiré. Appuyez sur Entrée pour une nouvelle vente du même montant.</translation>
    </message>
    <message>
        <source>Price lock ended</source>
        <translation>Prix garanti terminé</translation>
    </message>
    <message>
        <source>Back  Esc</source>
        <translation>Retour  Échap</translation>
    </message>
    <message>
        <source>New sale, same amount  ⏎</source>
        <translation>Nouvelle vente, même montant  ⏎</translation>
    </message>
    <message>
        <source>{price} paid.</source>
        <translation>{price} payé.</translation>
    </message>
    <message>
        <source>{price} paid ({sats}).</source>
        <translation>{price} payé ({sats}).</translation>
    </message>
    <message>
        <source>The customer gave {given}: change {change}. Let them scan the change code.</source>
        <translation>Le client a donné {given} : monnaie {change}. Faites-lui scanner le code de la monnaie.</translation>
    </message>
    <message>
        <source>The customer gave {given}: {change} over, kept by the shop.</source>
        <translation>Le client a donné {given} : {change} de trop, gardé par le commerce.</translation>
    </message>
    <message>
        <source>{paid}
received</source>
        <translation>{paid}
reçus</translation>
    </message>
    <message>
        <source>Tell the owner.</source>
        <translation>Prévenez le responsable.</translation>
    </message>
    <message>
        <source>Enter: a new sale
of {amount}</source>
        <translation>Entrée&#xa0;: nouvelle vente
de {amount}</translation>
    </message>
    <message>
        <source>Still to pay
{left}</source>
        <translation>Reste à payer
{left}</translation>
    </message>
</context>
<context>
    <name>PaymentsPage</name>
    <message>
        <source>How payments are kept</source>
        <translation>Conservation des paiements</translation>
    </message>
    <message>
        <source>Which ecash the till takes and what it does with it.</source>
        <translation>Quel ecash la caisse accepte et ce qu&apos;elle en fait.</translation>
    </message>
    <message>
        <source>Keep ecash of the shop&apos;s own mints</source>
        <translation>Garder l&apos;ecash des mints de la boutique</translation>
    </message>
    <message>
        <source>Only tokens of the mints you trust are taken, and kept as ecash. Simplest and cheapest; customers need ecash of one of your mints.</source>
        <translation>Seuls les jetons des mints de confiance sont acceptés, et conservés en ecash. Le plus simple et le moins cher ; les clients ont besoin d&apos;ecash d&apos;une de vos mints.</translation>
    </message>
    <message>
        <source>Also take other mints&apos; ecash, paid out to Lightning</source>
        <translation>Accepter aussi l&apos;ecash d&apos;autres mints, versé en Lightning</translation>
    </message>
    <message>
        <source>Tokens of your mints are kept; any other is paid straight to the shop&apos;s Lightning address (the next step). The customer&apos;s token pays the fee.</source>
        <translation>Les jetons de vos mints sont gardés ; tout autre est payé directement à l&apos;adresse Lightning de la boutique (l&apos;étape suivante). Le jeton du client paie les frais.</translation>
    </message>
    <message>
        <source>Pay everything out to Lightning</source>
        <translation>Tout verser en Lightning</translation>
    </message>
    <message>
        <source>Every token is paid to the shop&apos;s Lightning address at once: the shop keeps no ecash. Each payment costs a Lightning fee.</source>
        <translation>Chaque jeton est versé immédiatement à l&apos;adresse Lightning de la boutique : la boutique ne garde pas d&apos;ecash. Chaque paiement coûte des frais Lightning.</translation>
    </message>
    <message>
        <source>None: the defaults</source>
        <translation>Aucun : les valeurs par défaut</translation>
    </message>
    <message>
        <source>Start from</source>
        <translation>Partir de</translation>
    </message>
</context>
<context>
    <name>PresetDialog</name>
    <message>
        <source>Presets</source>
        <translation>Préréglages</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Paramètre</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Actuel</translation>
    </message>
    <message>
        <source>Then</source>
        <translation>Ensuite</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>{n} settings change.</source>
        <translation>{n} paramètres changent.</translation>
    </message>
    <message>
        <source>Nothing to change: this shop is set up like that already.</source>
        <translation>Rien à changer : cette boutique est déjà configurée ainsi.</translation>
    </message>
    <message>
        <source>Applied: {n} settings changed.</source>
        <translation>Appliqué : {n} paramètres modifiés.</translation>
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
        <translation>Ventes rapides au comptoir : prix garanti peu de temps, pourboires proposés, uniquement l&apos;ecash de la mint de la boutique.</translation>
    </message>
    <message>
        <source>Market stall</source>
        <translation>Stand de marché</translation>
    </message>
    <message>
        <source>Outdoors with a weak connection: tokens made out to the shop are taken while a mint is unreachable, within small caps; a longer price hold.</source>
        <translation>En extérieur avec une connexion faible : les jetons établis au nom de la boutique sont acceptés quand une mint est injoignable, dans de petites limites ; prix garanti plus longtemps.</translation>
    </message>
    <message>
        <source>Shop with an online store</source>
        <translation>Boutique avec vente en ligne</translation>
    </message>
    <message>
        <source>Ecash from other mints converted into the shop&apos;s, payouts to the Lightning address on the timer, and webhooks to the shop&apos;s own network.</source>
        <translation>L&apos;ecash d&apos;autres mints est converti en celui de la boutique, retraits programmés vers l&apos;adresse Lightning et webhooks vers le réseau de la boutique.</translation>
    </message>
    <message>
        <source>Minimal</source>
        <translation>Minimal</translation>
    </message>
    <message>
        <source>Ecash of the shop&apos;s own mints only, nothing automatic: no conversion, no offline acceptance, no automatic payouts.</source>
        <translation>Uniquement l&apos;ecash des mints de la boutique, rien d&apos;automatique : pas de conversion, pas d&apos;acceptation hors ligne, pas de retraits automatiques.</translation>
    </message>
</context>
<context>
    <name>PrinterPage</name>
    <message>
        <source>Receipt printer</source>
        <translation>Imprimante de tickets</translation>
    </message>
    <message>
        <source>Receipts print on this printer without asking. Print a test receipt to see the paper&apos;s width and the shop&apos;s header.</source>
        <translation>Les tickets s&apos;impriment sur cette imprimante sans demander. Imprimez un ticket de test pour voir la largeur du papier et l&apos;en-tête de la boutique.</translation>
    </message>
    <message>
        <source>None: choose in the print dialog each time</source>
        <translation>Aucune : choisir dans la boîte d&apos;impression à chaque fois</translation>
    </message>
    <message>
        <source>Print a test receipt</source>
        <translation>Imprimer un ticket de test</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Imprimante</translation>
    </message>
    <message>
        <source>No printer? Go on: receipts can also be saved as PDF files, and the printer can be set later in Settings, Shop.</source>
        <translation>Pas d&apos;imprimante ? Continuez : les tickets peuvent aussi être enregistrés en PDF, et l&apos;imprimante se règle plus tard dans Réglages, Boutique.</translation>
    </message>
    <message>
        <source>{name} (not installed)</source>
        <translation>{name} (non installée)</translation>
    </message>
    <message>
        <source>Your shop</source>
        <translation>Votre boutique</translation>
    </message>
    <message>
        <source>TEST</source>
        <translation>TEST</translation>
    </message>
    <message>
        <source>print dialog</source>
        <translation>boîte d&apos;impression</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papier</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Imprimé</translation>
    </message>
    <message>
        <source>Sharp text, nothing cut at the edges and a QR code below: the printer is ready.</source>
        <translation>Texte net, rien de coupé sur les bords et un code QR en dessous : l&apos;imprimante est prête.</translation>
    </message>
    <message>
        <source>Sent to the printer. Check the paper.</source>
        <translation>Envoyé à l&apos;imprimante. Vérifiez le papier.</translation>
    </message>
    <message>
        <source>{printer} did not print: it is not installed or is off. Choose another, or none.</source>
        <translation>{printer} n&apos;a pas imprimé : elle n&apos;est pas installée ou est éteinte. Choisissez-en une autre, ou aucune.</translation>
    </message>
    <message>
        <source>Nothing was printed.</source>
        <translation>Rien n&apos;a été imprimé.</translation>
    </message>
    <message>
        <source>Receipts: the print dialog each time, {paper} paper</source>
        <translation>Tickets : la boîte d&apos;impression à chaque fois, papier {paper}</translation>
    </message>
    <message>
        <source>Receipt printer: {printer}, {paper} paper, test printed</source>
        <translation>Imprimante de tickets : {printer}, papier {paper}, test imprimé</translation>
    </message>
    <message>
        <source>Receipt printer: {printer}, {paper} paper</source>
        <translation>Imprimante de tickets : {printer}, papier {paper}</translation>
    </message>
</context>
<context>
    <name>ReceiptButtons</name>
    <message>
        <source>Print receipt</source>
        <translation>Imprimer le reçu</translation>
    </message>
    <message>
        <source>Save receipt as PDF</source>
        <translation>Enregistrer le reçu en PDF</translation>
    </message>
    <message>
        <source>Print refund receipt</source>
        <translation>Imprimer le reçu de remboursement</translation>
    </message>
    <message>
        <source>Save refund receipt as PDF</source>
        <translation>Enregistrer le reçu de remboursement en PDF</translation>
    </message>
    <message>
        <source>Printed on {printer}</source>
        <translation>Imprimé sur {printer}</translation>
    </message>
    <message>
        <source>Printer {printer} not found: choose one.</source>
        <translation>Imprimante {printer} introuvable : choisissez-en une.</translation>
    </message>
    <message>
        <source>Save receipt</source>
        <translation>Enregistrer le reçu</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved: {name}</source>
        <translation>Enregistré&#xa0;: {name}</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>Refund the customer</source>
        <translation>Rembourser le client</translation>
    </message>
    <message>
        <source>Refund {amount} for sale {sale}</source>
        <translation>Rembourser {amount} pour la vente {sale}</translation>
    </message>
    <message>
        <source>The amount the customer paid is given back as an ecash token: they scan the QR code, or take the file. It comes from the mint they paid with when the shop holds enough there.</source>
        <translation>Le montant payé est rendu sous forme de jeton ecash : le client scanne le QR code ou prend le fichier. Il provient du mint utilisé pour payer quand le commerce y détient assez.</translation>
    </message>
    <message>
        <source>Save to</source>
        <translation>Enregistrer dans</translation>
    </message>
    <message>
        <source>Make refund token</source>
        <translation>Créer le jeton de remboursement</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Making the token…</source>
        <translation>Création du jeton…</translation>
    </message>
    <message>
        <source>Make the refund token</source>
        <translation>Créer le jeton de remboursement</translation>
    </message>
</context>
<context>
    <name>RefundForm</name>
    <message>
        <source>Saved to: {path}</source>
        <translation>Enregistré dans : {path}</translation>
    </message>
    <message>
        <source>The file could not be saved to that folder (is the USB drive plugged in?). The token is kept with the refund: let the customer scan it, or copy it.</source>
        <translation>Le fichier n&apos;a pas pu être enregistré dans ce dossier (la clé USB est-elle branchée ?). Le jeton reste avec le remboursement : faites-le scanner par le client ou copiez-le.</translation>
    </message>
    <message>
        <source>No file saved (no folder): copy the token or let it be scanned.</source>
        <translation>Aucun fichier enregistré (pas de dossier) : copiez le jeton ou faites-le scanner.</translation>
    </message>
    <message>
        <source>Refund of {amount}: let the customer scan it</source>
        <translation>Remboursement de {amount} : faites-le scanner par le client</translation>
    </message>
    <message>
        <source>From mint: {mint}</source>
        <translation>De la mint : {mint}</translation>
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
        <translation> sur {left}</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>remboursé</translation>
    </message>
    <message>
        <source>{amount} left</source>
        <translation>{amount} restant</translation>
    </message>
    <message>
        <source>Also give the tip back ({amount})</source>
        <translation>Rendre aussi le pourboire ({amount})</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>Opening balance</source>
        <translation>Solde d&apos;ouverture</translation>
    </message>
    <message>
        <source>Received from customers</source>
        <translation>Reçu des clients</translation>
    </message>
    <message>
        <source>Restored from the seed</source>
        <translation>Restauré depuis la graine</translation>
    </message>
    <message>
        <source>Reclaimed exports</source>
        <translation>Exports récupérés</translation>
    </message>
    <message>
        <source>Exported (files, change, refunds)</source>
        <translation>Exporté (fichiers, monnaie, remboursements)</translation>
    </message>
    <message>
        <source>Withdrawn to Lightning</source>
        <translation>Retiré vers Lightning</translation>
    </message>
    <message>
        <source>Fees paid by the wallet</source>
        <translation>Frais payés par le portefeuille</translation>
    </message>
    <message>
        <source>Spent elsewhere (found by a check)</source>
        <translation>Dépensé ailleurs (trouvé par une vérification)</translation>
    </message>
    <message>
        <source>Other changes</source>
        <translation>Autres changements</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Attendu</translation>
    </message>
    <message>
        <source>Held by the wallet now</source>
        <translation>Détenu par le portefeuille maintenant</translation>
    </message>
    <message>
        <source>of which in pending operations</source>
        <translation>dont dans des opérations en cours</translation>
    </message>
    <message>
        <source>Difference (held - expected)</source>
        <translation>Écart (détenu - attendu)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Remarques</translation>
    </message>
    <message>
        <source>Shop Z report {number}</source>
        <translation>Rapport Z du magasin {number}</translation>
    </message>
    <message>
        <source>Z report {number}</source>
        <translation>Rapport Z {number}</translation>
    </message>
    <message>
        <source>Shop X report (since shop Z {number})</source>
        <translation>Rapport X du magasin (depuis le Z du magasin {number})</translation>
    </message>
    <message>
        <source>X report (since Z {number})</source>
        <translation>Rapport X (depuis Z {number})</translation>
    </message>
    <message>
        <source>Shop X report</source>
        <translation>Rapport X du magasin</translation>
    </message>
    <message>
        <source>X report</source>
        <translation>Rapport X</translation>
    </message>
    <message>
        <source>TRAINING - not a real report: {title}</source>
        <translation>FORMATION - pas un vrai rapport : {title}</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Caisse</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>Boutique</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>every till&apos;s sales and the ecash drawer</source>
        <translation>les ventes de toutes les caisses et la caisse ecash</translation>
    </message>
    <message>
        <source>this till&apos;s sales</source>
        <translation>les ventes de cette caisse</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Empreinte</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Ventes</translation>
    </message>
    <message>
        <source>Gross ({currency})</source>
        <translation>Brut ({currency})</translation>
    </message>
    <message>
        <source>Gross in {unit}</source>
        <translation>Brut en {unit}</translation>
    </message>
    <message>
        <source>Average ticket ({currency})</source>
        <translation>Panier moyen ({currency})</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Remboursements</translation>
    </message>
    <message>
        <source>Refunded ({currency})</source>
        <translation>Remboursé ({currency})</translation>
    </message>
    <message>
        <source>Refunded in {unit}</source>
        <translation>Remboursé en {unit}</translation>
    </message>
    <message>
        <source>Net after refunds ({currency})</source>
        <translation>Net après remboursements ({currency})</translation>
    </message>
    <message>
        <source>Cancelled unpaid</source>
        <translation>Annulées, impayées</translation>
    </message>
    <message>
        <source>Expired unpaid</source>
        <translation>Expirées, impayées</translation>
    </message>
    <message>
        <source>Failed unpaid</source>
        <translation>Échouées, impayées</translation>
    </message>
    <message>
        <source>Payments that went through</source>
        <translation>Paiements aboutis</translation>
    </message>
    <message>
        <source>{settled} of {attempts}</source>
        <translation>{settled} sur {attempts}</translation>
    </message>
    <message>
        <source>Refused payments</source>
        <translation>Paiements refusés</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>À vérifier</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Chiffre</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Tips ({currency})</source>
        <translation>Pourboires ({currency})</translation>
    </message>
    <message>
        <source>Tips in {unit}</source>
        <translation>Pourboires en {unit}</translation>
    </message>
    <message>
        <source>Discounts given</source>
        <translation>Remises accordées</translation>
    </message>
    <message>
        <source>Discounts ({currency})</source>
        <translation>Remises ({currency})</translation>
    </message>
    <message>
        <source>{rate} % ({currency})</source>
        <translation>{rate} % ({currency})</translation>
    </message>
    <message>
        <source>VAT by rate</source>
        <translation>TVA par taux</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Taux</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>HT</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>TVA</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>TTC</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Paiements</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Mint</source>
        <translation>Mint</translation>
    </message>
    <message>
        <source>Fee advance collected</source>
        <translation>Avance de frais perçue</translation>
    </message>
    <message>
        <source>Mint fees</source>
        <translation>Frais de mint</translation>
    </message>
    <message>
        <source>Lightning fees</source>
        <translation>Frais Lightning</translation>
    </message>
    <message>
        <source>By method</source>
        <translation>Par méthode</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <source>By mint</source>
        <translation>Par mint</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Frais</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Frais</translation>
    </message>
    <message>
        <source>Refused, by reason</source>
        <translation>Refusés, par motif</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Rates used</source>
        <translation>Taux utilisés</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>Lowest</source>
        <translation>Le plus bas</translation>
    </message>
    <message>
        <source>Highest</source>
        <translation>Le plus haut</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Ecash drawer: {mint} ({unit})</source>
        <translation>Caisse ecash : {mint} ({unit})</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>(before the shop had tills)</source>
        <translation>(avant que le magasin ait des caisses)</translation>
    </message>
    <message>
        <source>Z {number}</source>
        <translation>Z {number}</translation>
    </message>
    <message>
        <source>By till</source>
        <translation>Par caisse</translation>
    </message>
    <message>
        <source>Last Z</source>
        <translation>Dernier Z</translation>
    </message>
    <message>
        <source>not reachable</source>
        <translation>injoignable</translation>
    </message>
    <message>
        <source>Checked at the mints (NUT-07)</source>
        <translation>Vérifié auprès des mints (NUT-07)</translation>
    </message>
    <message>
        <source>Unspent</source>
        <translation>Non dépensé</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>Dépensé</translation>
    </message>
    <message>
        <source>Exported in this period</source>
        <translation>Exporté pendant cette période</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Jetons</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>Réclamé</translation>
    </message>
    <message>
        <source>The ecash drawer is the whole shop&apos;s wallet: the shop&apos;s report counts it.</source>
        <translation>La caisse ecash est le portefeuille de tout le magasin : le rapport du magasin la compte.</translation>
    </message>
    <message>
        <source>{till}: has sales or payments that no Z report of its own closed yet.</source>
        <translation>{till} : a des ventes ou des paiements qu&apos;aucun de ses propres rapports Z n&apos;a encore clôturés.</translation>
    </message>
    <message>
        <source>{where}: the wallet holds {amount} more than its ledger expects. Something changed the wallet&apos;s coins outside the app&apos;s operations: keep this report and contact support.</source>
        <translation>{where} : le portefeuille détient {amount} de plus que ne l&apos;attend son registre. Quelque chose a modifié les pièces du portefeuille hors des opérations de l&apos;application : conservez ce rapport et contactez le support.</translation>
    </message>
    <message>
        <source>{where}: the wallet holds {amount} less than its ledger expects. Something changed the wallet&apos;s coins outside the app&apos;s operations: keep this report and contact support.</source>
        <translation>{where} : le portefeuille détient {amount} de moins que ne l&apos;attend son registre. Quelque chose a modifié les pièces du portefeuille hors des opérations de l&apos;application : conservez ce rapport et contactez le support.</translation>
    </message>
    <message>
        <source>{where}: {amount} are held by operations that have not finished (a payment to Lightning or an export in flight); recovery finishes them.</source>
        <translation>{where} : {amount} sont retenus par des opérations non terminées (un paiement Lightning ou un export en cours) ; la reprise les termine.</translation>
    </message>
    <message>
        <source>{where}: the mint did not answer; the drawer was not confirmed there.</source>
        <translation>{where} : le mint n&apos;a pas répondu ; la caisse n&apos;y a pas été confirmée.</translation>
    </message>
    <message>
        <source>{where}: the mint says {amount} the wallet holds are already spent. Run Check in Wallet to correct the balance.</source>
        <translation>{where} : selon le mint, {amount} du portefeuille sont déjà dépensés. Lancez Vérifier dans Portefeuille pour corriger le solde.</translation>
    </message>
    <message>
        <source>{mint}: {amount} of the tokens exported ({purpose}) were not claimed when last checked.</source>
        <translation>{mint} : {amount} des jetons exportés ({purpose}) n&apos;étaient pas réclamés lors de la dernière vérification.</translation>
    </message>
    <message>
        <source>{count} operation(s) were still open at the close.</source>
        <translation>{count} opération(s) étaient encore ouvertes à la clôture.</translation>
    </message>
</context>
<context>
    <name>RerunSetup</name>
    <message>
        <source>Run setup again</source>
        <translation>Refaire la configuration</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Shop: {name}, prices in {currency}</source>
        <translation>Boutique : {name}, prix en {currency}</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <source>Payments: {mode}</source>
        <translation>Paiements : {mode}</translation>
    </message>
    <message>
        <source>Preset: {preset}</source>
        <translation>Préréglage : {preset}</translation>
    </message>
    <message>
        <source>The wallet, its mints and the staff accounts stay as they are.</source>
        <translation>Le portefeuille, ses mints et les comptes du personnel restent tels quels.</translation>
    </message>
    <message>
        <source>Saving the shop&apos;s settings…</source>
        <translation>Enregistrement des réglages de la boutique…</translation>
    </message>
</context>
<context>
    <name>RestorePage</name>
    <message>
        <source>Restore from recovery words</source>
        <translation>Restaurer à partir des mots de récupération</translation>
    </message>
    <message>
        <source>Type the 12 or 24 words, in order, separated by spaces.</source>
        <translation>Tapez les 12 ou 24 mots, dans l&apos;ordre, séparés par des espaces.</translation>
    </message>
    <message>
        <source>word1 word2 word3 …</source>
        <translation>mot1 mot2 mot3 …</translation>
    </message>
    <message>
        <source>After setup, use Restore on the Wallet page to get back the coins this wallet held at your mints.</source>
        <translation>Après la configuration, utilisez Restaurer sur la page Portefeuille pour récupérer les pièces que ce portefeuille avait auprès de vos mints.</translation>
    </message>
    <message>
        <source>{n} words</source>
        <translation>{n} mots</translation>
    </message>
</context>
<context>
    <name>SaleCode</name>
    <message>
        <source>Some wallets read only one of the two code formats: the classic one (Cashu NUT-18, creqA) or the shorter one (NUT-26, creqb1). Ctrl+R switches.</source>
        <translation>Certains portefeuilles ne lisent qu&apos;un des deux formats de code&#xa0;: le classique (Cashu NUT-18, creqA) ou le plus court (NUT-26, creqb1). Ctrl+R bascule.</translation>
    </message>
    <message>
        <source>Payment request: the customer scans it with a wallet</source>
        <translation>Demande de paiement&#xa0;: le client la scanne avec un portefeuille</translation>
    </message>
    <message>
        <source>Wallet cannot read it? Show the classic code</source>
        <translation>Le portefeuille ne la lit pas&#xa0;? Code classique</translation>
    </message>
    <message>
        <source>Wallet cannot read it? Show the short code</source>
        <translation>Le portefeuille ne la lit pas&#xa0;? Code court</translation>
    </message>
    <message>
        <source>Change for the customer: {amount}. Let them scan it.</source>
        <translation>Monnaie pour le client&#xa0;: {amount}. Laissez-le scanner.</translation>
    </message>
</context>
<context>
    <name>SaleDetailsDialog</name>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Mint</source>
        <translation>Mint</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Credited</source>
        <translation>Crédité</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Frais</translation>
    </message>
    <message>
        <source>Proof</source>
        <translation>Preuve</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Sale {id}</source>
        <translation>Vente {id}</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>No token was offered for this sale.</source>
        <translation>Aucun jeton n&apos;a été présenté pour cette vente.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Monnaie</translation>
    </message>
    <message>
        <source>Hand this token back to the customer.</source>
        <translation>Rendez ce jeton au client.</translation>
    </message>
    <message>
        <source>Copy change token</source>
        <translation>Copier le jeton de monnaie</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Paiements</translation>
    </message>
    <message>
        <source>Payment request</source>
        <translation>Demande de paiement</translation>
    </message>
    <message>
        <source>Refund…</source>
        <translation>Rembourser…</translation>
    </message>
    <message>
        <source>Give the customer money back as an ecash token.</source>
        <translation>Rendre de l&apos;argent au client sous forme de jeton ecash.</translation>
    </message>
    <message>
        <source>Check refund claims</source>
        <translation>Vérifier les remboursements</translation>
    </message>
    <message>
        <source>Ask the mints whether the customer redeemed the refund tokens.</source>
        <translation>Demander aux mints si le client a récupéré les jetons de remboursement.</translation>
    </message>
    <message>
        <source>Sale id</source>
        <translation>N° de vente</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Dû</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Payée</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Remboursement</translation>
    </message>
    <message>
        <source>Exchange rate</source>
        <translation>Taux de change</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personnel</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créée</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expire</translation>
    </message>
    <message>
        <source>Paid at</source>
        <translation>Payée le</translation>
    </message>
    <message>
        <source>(includes {fee} fee advance)</source>
        <translation>(dont {fee} d&apos;avance sur frais)</translation>
    </message>
    <message>
        <source>1 BTC = {price}</source>
        <translation>1 BTC = {price}</translation>
    </message>
    <message>
        <source>{paid}, {remaining} remaining</source>
        <translation>{paid}, reste {remaining}</translation>
    </message>
    <message>
        <source>Refund {when}: {amount}</source>
        <translation>Remboursement {when} : {amount}</translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation>Encaissé</translation>
    </message>
    <message>
        <source>Lightning</source>
        <translation>Lightning</translation>
    </message>
    <message>
        <source>Converted</source>
        <translation>Converti</translation>
    </message>
    <message>
        <source>Proven</source>
        <translation>Prouvé</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Vérifié</translation>
    </message>
    <message>
        <source>Not proven</source>
        <translation>Non prouvé</translation>
    </message>
    <message>
        <source>Does not match</source>
        <translation>Ne correspond pas</translation>
    </message>
    <message>
        <source>(offline)</source>
        <translation>(hors ligne)</translation>
    </message>
    <message>
        <source>Mint fee {mint}, Lightning fee {ln}</source>
        <translation>Frais du mint {mint}, frais Lightning {ln}</translation>
    </message>
    <message>
        <source>{state}: {amount} of {took} given back</source>
        <translation>{state} : {amount} sur {took} rendu</translation>
    </message>
    <message>
        <source>{when}: {amount}, {claim}{reason}</source>
        <translation>{when} : {amount}, {claim}{reason}</translation>
    </message>
    <message>
        <source>{amount} owed to the customer (see Needs attention)</source>
        <translation>{amount} dû au client (voir « À traiter »)</translation>
    </message>
    <message>
        <source>{amount} given back as a token, {when}</source>
        <translation>{amount} rendu sous forme de jeton, {when}</translation>
    </message>
    <message>
        <source>{amount} given back otherwise, {when}: {note}</source>
        <translation>{amount} rendu autrement, {when} : {note}</translation>
    </message>
    <message>
        <source>Change: {amount}</source>
        <translation>Monnaie&#xa0;: {amount}</translation>
    </message>
</context>
<context>
    <name>SaleRefundDialog</name>
    <message>
        <source>Refund sale {sale}</source>
        <translation>Rembourser la vente {sale}</translation>
    </message>
    <message>
        <source>Save to file…</source>
        <translation>Enregistrer dans un fichier…</translation>
    </message>
    <message>
        <source>Write the token (and its QR picture) to a folder.</source>
        <translation>Écrire le jeton (et son image QR) dans un dossier.</translation>
    </message>
    <message>
        <source>Refund sale {sale}: up to {amount}</source>
        <translation>Rembourser la vente {sale} : jusqu&apos;à {amount}</translation>
    </message>
    <message>
        <source>The money is given back as an ecash token the customer scans or takes as a file, from the mint they paid with when the shop holds enough there. The sale stays in the day&apos;s sales; the refund is counted apart.</source>
        <translation>L&apos;argent est rendu sous forme de jeton ecash que le client scanne ou reçoit en fichier, de la mint avec laquelle il a payé si la boutique y détient assez. La vente reste dans les ventes du jour ; le remboursement est compté à part.</translation>
    </message>
    <message>
        <source>Why (kept with the refund)</source>
        <translation>Motif (conservé avec le remboursement)</translation>
    </message>
    <message>
        <source>Amount ({unit})</source>
        <translation>Montant ({unit})</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Save to</source>
        <translation>Enregistrer dans</translation>
    </message>
    <message>
        <source>Refund…</source>
        <translation>Rembourser…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Type an amount from 1 to {rest}.</source>
        <translation>Saisissez un montant de 1 à {rest}.</translation>
    </message>
    <message>
        <source>Give {amount} back to the customer of sale {sale}? This cannot be undone.</source>
        <translation>Rendre {amount} au client de la vente {sale} ? Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Make refund token</source>
        <translation>Créer le jeton de remboursement</translation>
    </message>
    <message>
        <source>These lines come to {amount}, more than the {rest} left to give back.</source>
        <translation>Ces lignes font {amount}, plus que les {rest} qui restent à rendre.</translation>
    </message>
    <message>
        <source>Working out the lines&apos; amount…</source>
        <translation>Calcul du montant des lignes…</translation>
    </message>
    <message>
        <source>Give {amount} back for {count} line(s) of sale {sale}? This cannot be undone.</source>
        <translation>Rendre {amount} pour {count} ligne(s) de la vente {sale} ? Impossible à annuler.</translation>
    </message>
    <message>
        <source>Making the token…</source>
        <translation>Création du jeton…</translation>
    </message>
    <message>
        <source>Make the refund token</source>
        <translation>Créer le jeton de remboursement</translation>
    </message>
    <message>
        <source>The file could not be saved to that folder. The token is kept.</source>
        <translation>Le fichier n&apos;a pas pu être enregistré dans ce dossier. Le jeton est conservé.</translation>
    </message>
</context>
<context>
    <name>SalesFilterBar</name>
    <message>
        <source>All sales</source>
        <translation>Toutes les ventes</translation>
    </message>
    <message>
        <source>Sale state</source>
        <translation>État de la vente</translation>
    </message>
    <message>
        <source>Search memo or sale id (Ctrl+F)</source>
        <translation>Chercher une note ou un n° de vente (Ctrl+F)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
</context>
<context>
    <name>SalesModel</name>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Vente</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Due in sat</source>
        <translation>Dû en sat</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Payé</translation>
    </message>
    <message>
        <source>Mint</source>
        <translation>Mint</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>ScanPanel</name>
    <message>
        <source>Reading animated code… %p%</source>
        <translation>Lecture du code animé… %p%</translation>
    </message>
    <message>
        <source>Or paste a token here and press Enter</source>
        <translation>Ou collez un jeton ici et appuyez sur Entrée</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>Payer</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>Démarrage de la caméra…</translation>
    </message>
    <message>
        <source>That is a payment request, not a token. Ask the customer to show the token from their wallet.</source>
        <translation>C&apos;est une demande de paiement, pas un jeton. Demandez au client de montrer le jeton de son portefeuille.</translation>
    </message>
    <message>
        <source>Camera not available: {error}
Paste the token instead.</source>
        <translation>Caméra indisponible&#xa0;: {error}
Collez plutôt le jeton.</translation>
    </message>
</context>
<context>
    <name>ScheduleStatus</name>
    <message>
        <source>Scheduled export: off (set a time under Settings, Exports).</source>
        <translation>Export planifié&#xa0;: désactivé (choisissez une heure dans Réglages, Exports).</translation>
    </message>
    <message>
        <source>Scheduled export at {schedule}: next run {when}.</source>
        <translation>Export planifié à {schedule}&#xa0;: prochaine exécution {when}.</translation>
    </message>
    <message>
        <source>Choose a folder for it, or nothing can be exported.</source>
        <translation>Choisissez-lui un dossier, sinon rien ne peut être exporté.</translation>
    </message>
    <message>
        <source>Last run ({at}): {n} file(s), {amounts}.</source>
        <translation>Dernière exécution ({at})&#xa0;: {n} fichier(s), {amounts}.</translation>
    </message>
    <message>
        <source>Last run ({at}): nothing above the amount to keep.</source>
        <translation>Dernière exécution ({at})&#xa0;: rien au-dessus du montant à garder.</translation>
    </message>
    <message>
        <source>The run of {at} waits for its folder {folder} (is the USB drive plugged in?); tried {n} time(s).</source>
        <translation>L&apos;exécution de {at} attend son dossier {folder} (la clé USB est-elle branchée&#xa0;?)&#xa0;; {n} essai(s).</translation>
    </message>
    <message>
        <source>The run of {at} is under way.</source>
        <translation>L&apos;exécution de {at} est en cours.</translation>
    </message>
    <message>
        <source>The run of {at} was cut short: its tokens are in the export history.</source>
        <translation>L&apos;exécution de {at} a été interrompue&#xa0;: ses jetons sont dans l&apos;historique des exports.</translation>
    </message>
    <message>
        <source>The run of {at} failed: {reason}</source>
        <translation>L&apos;exécution de {at} a échoué&#xa0;: {reason}</translation>
    </message>
</context>
<context>
    <name>SeedPage</name>
    <message>
        <source>Your recovery words</source>
        <translation>Vos mots de récupération</translation>
    </message>
    <message>
        <source>Write these words on paper, in this order, and keep it safe. They are the only way to get the shop&apos;s money back if this computer is lost. The app does not show them again.</source>
        <translation>Écrivez ces mots sur papier, dans cet ordre, et gardez-le en lieu sûr. C&apos;est le seul moyen de récupérer l&apos;argent du commerce si cet ordinateur est perdu. L&apos;app ne les affichera plus.</translation>
    </message>
    <message>
        <source>I have written down all the words, in order</source>
        <translation>J&apos;ai noté tous les mots, dans l&apos;ordre</translation>
    </message>
</context>
<context>
    <name>SellPage</name>
    <message>
        <source>Sell</source>
        <translation>Vendre</translation>
    </message>
    <message>
        <source>Getting the exchange rate…</source>
        <translation>Récupération du taux de change…</translation>
    </message>
    <message>
        <source>No exchange rate right now: the sat amount is set when one is found.</source>
        <translation>Pas de taux de change pour l&apos;instant&#xa0;: le montant en sats sera fixé dès qu&apos;il y en a un.</translation>
    </message>
    <message>
        <source>Type an amount first.</source>
        <translation>Saisissez d&apos;abord un montant.</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Same as the computer</source>
        <translation>Comme l&apos;ordinateur</translation>
    </message>
    <message>
        <source>must be at least {n}</source>
        <translation>doit être au moins {n}</translation>
    </message>
    <message>
        <source>must be at most {n}</source>
        <translation>doit être au plus {n}</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>doit être un nombre entier</translation>
    </message>
    <message>
        <source>must be a number such as 95000.50</source>
        <translation>doit être un nombre, par ex. 95000,50</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>doit être un nombre</translation>
    </message>
    <message>
        <source>must be on or off</source>
        <translation>doit être activé ou désactivé</translation>
    </message>
    <message>
        <source>choose one of the listed values</source>
        <translation>choisissez une des valeurs proposées</translation>
    </message>
    <message>
        <source>choose a currency from the list, or type a three-letter code such as EUR</source>
        <translation>choisissez une devise dans la liste, ou tapez un code de trois lettres comme EUR</translation>
    </message>
    <message>
        <source>must be an https:// address</source>
        <translation>doit être une adresse https://</translation>
    </message>
    <message>
        <source>plain http is only allowed for this computer (localhost)</source>
        <translation>le http simple n&apos;est permis que pour cet ordinateur (localhost)</translation>
    </message>
    <message>
        <source>must look like name@example.com</source>
        <translation>doit ressembler à nom@example.com</translation>
    </message>
    <message>
        <source>each service needs an address and a path</source>
        <translation>chaque service a besoin d&apos;une adresse et d&apos;un chemin</translation>
    </message>
    <message>
        <source>must be a time zone such as Europe/Berlin, or empty for this computer&apos;s time zone</source>
        <translation>doit être un fuseau horaire comme Europe/Paris, ou vide pour le fuseau de cet ordinateur</translation>
    </message>
    <message>
        <source>choose a camera or a video file</source>
        <translation>choisissez une caméra ou un fichier vidéo</translation>
    </message>
    <message>
        <source>must be a time of day such as 18:30, optionally with weekdays such as 18:30 mon-fri; empty turns it off</source>
        <translation>doit être une heure comme 18:30, éventuellement avec des jours comme 18:30 mon-fri&#xa0;; vide le désactive</translation>
    </message>
    <message>
        <source>{day} is not a weekday; use mon, tue, wed, thu, fri, sat, sun (in English)</source>
        <translation>{day} n&apos;est pas un jour de la semaine&#xa0;; utilisez mon, tue, wed, thu, fri, sat, sun (en anglais)</translation>
    </message>
    <message>
        <source>name at least one weekday, such as mon-fri</source>
        <translation>indiquez au moins un jour, par exemple mon-fri</translation>
    </message>
    <message>
        <source>must be a full folder path, such as /media/shop/USB</source>
        <translation>doit être le chemin complet d&apos;un dossier, par exemple /media/shop/USB</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Le garder</translation>
    </message>
    <message>
        <source>Hand back change</source>
        <translation>Rendre la monnaie</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation>Nom de la boutique</translation>
    </message>
    <message>
        <source>Printed at the top of receipts and on every report page.</source>
        <translation>Imprimé en haut des reçus et sur chaque page des rapports.</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>Boutique</translation>
    </message>
    <message>
        <source>Shop address</source>
        <translation>Adresse de la boutique</translation>
    </message>
    <message>
        <source>Printed under the name on receipts; up to three lines, separated by |.</source>
        <translation>Imprimée sous le nom sur les reçus ; jusqu&apos;à trois lignes, séparées par |.</translation>
    </message>
    <message>
        <source>VAT number</source>
        <translation>N° de TVA</translation>
    </message>
    <message>
        <source>Printed on receipts when set.</source>
        <translation>Imprimé sur les reçus s&apos;il est renseigné.</translation>
    </message>
    <message>
        <source>Receipt paper</source>
        <translation>Papier des reçus</translation>
    </message>
    <message>
        <source>The width of the receipt printer&apos;s roll (58 or 80 mm), or A4 sheets. PDF receipts use it too.</source>
        <translation>La largeur du rouleau de l&apos;imprimante de reçus (58 ou 80 mm), ou des feuilles A4. Les reçus PDF l&apos;utilisent aussi.</translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation>Imprimante de reçus</translation>
    </message>
    <message>
        <source>Print receipts on this printer without asking. Empty: choose in the print dialog each time.</source>
        <translation>Imprimer les reçus sur cette imprimante sans demander. Vide : choisir à chaque fois dans la fenêtre d&apos;impression.</translation>
    </message>
    <message>
        <source>Lock the till after (minutes idle)</source>
        <translation>Verrouiller la caisse après (minutes d&apos;inactivité)</translation>
    </message>
    <message>
        <source>With staff accounts, the till goes back to the Sell page and asks who is there after this long without a touch or a key (never during a sale). 0: never.</source>
        <translation>Avec des comptes du personnel, la caisse revient à la page Vente et demande qui est là après ce délai sans toucher ni touche (jamais pendant une vente). 0 : jamais.</translation>
    </message>
    <message>
        <source>Lock an account after (wrong PINs)</source>
        <translation>Bloquer un compte après (PIN erronés)</translation>
    </message>
    <message>
        <source>This many wrong PINs in a row lock the account and notify the owner. Each wrong PIN already makes the next try wait longer.</source>
        <translation>Autant de PIN erronés d&apos;affilée bloquent le compte et préviennent le propriétaire. Chaque PIN erroné allonge déjà l&apos;attente avant l&apos;essai suivant.</translation>
    </message>
    <message>
        <source>Locked account waits (minutes)</source>
        <translation>Un compte bloqué attend (minutes)</translation>
    </message>
    <message>
        <source>How long an account stays locked after too many wrong PINs, unless the owner unlocks it in Staff.</source>
        <translation>Durée pendant laquelle un compte reste bloqué après trop de PIN erronés, sauf si le propriétaire le débloque dans Personnel.</translation>
    </message>
    <message>
        <source>Till name</source>
        <translation>Nom de la caisse</translation>
    </message>
    <message>
        <source>Names this till on Z reports and in webhooks, where a shop has several tills.</source>
        <translation>Nomme cette caisse sur les rapports Z et dans les webhooks, quand une boutique a plusieurs caisses.</translation>
    </message>
    <message>
        <source>Shop time zone</source>
        <translation>Fuseau horaire du commerce</translation>
    </message>
    <message>
        <source>Where report days start and end, such as Europe/Berlin. Empty: this computer&apos;s time zone.</source>
        <translation>Où commencent et finissent les jours des rapports, par exemple Europe/Paris. Vide : le fuseau horaire de cet ordinateur.</translation>
    </message>
    <message>
        <source>Which payments to accept</source>
        <translation>Paiements acceptés</translation>
    </message>
    <message>
        <source>Keep ecash from the shop&apos;s own mints only, or also take ecash from other mints and pay it straight out to the shop&apos;s Lightning address.</source>
        <translation>Garder uniquement l&apos;e-cash des mints du commerce, ou accepter aussi l&apos;e-cash d&apos;autres mints et le verser directement à l&apos;adresse Lightning du commerce.</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Paiements</translation>
    </message>
    <message>
        <source>Shop currency</source>
        <translation>Devise du commerce</translation>
    </message>
    <message>
        <source>The currency prices are typed in. Bitcoin (sat) needs no exchange rate.</source>
        <translation>La devise de saisie des prix. Bitcoin (sat) n&apos;a pas besoin de taux de change.</translation>
    </message>
    <message>
        <source>When a customer pays too much</source>
        <translation>Quand un client paie trop</translation>
    </message>
    <message>
        <source>Hand the difference back as change the customer scans, or keep it.</source>
        <translation>Rendre la différence en monnaie que le client scanne, ou la garder.</translation>
    </message>
    <message>
        <source>Price hold (seconds)</source>
        <translation>Prix garanti (secondes)</translation>
    </message>
    <message>
        <source>How long a sale keeps its price in sats. After that the customer needs a new payment code.</source>
        <translation>Durée pendant laquelle une vente garde son prix en sats. Ensuite, le client a besoin d&apos;un nouveau code de paiement.</translation>
    </message>
    <message>
        <source>Service fee added to each sale (sat)</source>
        <translation>Frais de service par vente (sat)</translation>
    </message>
    <message>
        <source>A fixed amount the customer pays on top of the price, to cover the mint&apos;s fees.</source>
        <translation>Un montant fixe que le client paie en plus du prix, pour couvrir les frais du mint.</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Frais</translation>
    </message>
    <message>
        <source>Highest mint fee (%)</source>
        <translation>Frais de mint maximum (%)</translation>
    </message>
    <message>
        <source>Refuse a payment when the mint would keep more than this share of it as a fee.</source>
        <translation>Refuser un paiement si le mint en garderait une part plus grande en frais.</translation>
    </message>
    <message>
        <source>Highest Lightning fee (%)</source>
        <translation>Frais Lightning maximum (%)</translation>
    </message>
    <message>
        <source>Refuse to pay a token out to Lightning when the fee would be more than this share of it.</source>
        <translation>Ne pas verser un jeton via Lightning si les frais dépasseraient cette part.</translation>
    </message>
    <message>
        <source>Fees always accepted up to</source>
        <translation>Frais toujours acceptés jusqu&apos;à</translation>
    </message>
    <message>
        <source>A fee of at most this many sat (or cents) is never refused, whatever its share of the payment: a 1 sat fee is 2.86% of a 35 sat token.</source>
        <translation>Des frais d&apos;au plus ce nombre de sat (ou centimes) ne sont jamais refusés, quelle que soit leur part du paiement : 1 sat de frais représente 2,86 % d&apos;un jeton de 35 sat.</translation>
    </message>
    <message>
        <source>Fixed price of one bitcoin</source>
        <translation>Prix fixe d&apos;un bitcoin</translation>
    </message>
    <message>
        <source>In the shop currency. Used when no exchange rate service answers; 0 means none.</source>
        <translation>Dans la devise du commerce. Utilisé quand aucun service de taux ne répond&#xa0;; 0 signifie aucun.</translation>
    </message>
    <message>
        <source>Exchange rate</source>
        <translation>Taux de change</translation>
    </message>
    <message>
        <source>Exchange rate services</source>
        <translation>Services de taux de change</translation>
    </message>
    <message>
        <source>Web addresses that give the price of one bitcoin, and where in their answer the price is (for example bitcoin.eur).</source>
        <translation>Adresses web qui donnent le prix d&apos;un bitcoin, et l&apos;endroit de leur réponse où se trouve le prix (par exemple bitcoin.eur).</translation>
    </message>
    <message>
        <source>Use a rate for at most (seconds)</source>
        <translation>Utiliser un taux au plus (secondes)</translation>
    </message>
    <message>
        <source>An older exchange rate is fetched again before use.</source>
        <translation>Un taux plus ancien est récupéré à nouveau avant usage.</translation>
    </message>
    <message>
        <source>Lightning address</source>
        <translation>Adresse Lightning</translation>
    </message>
    <message>
        <source>Where payments from other mints are sent: name@example.com, or an LNURL-pay address.</source>
        <translation>Où sont versés les paiements d&apos;autres mints&#xa0;: nom@example.com, ou une adresse LNURL-pay.</translation>
    </message>
    <message>
        <source>Lightning</source>
        <translation>Lightning</translation>
    </message>
    <message>
        <source>Withdraw to the Lightning address automatically</source>
        <translation>Verser automatiquement à l&apos;adresse Lightning</translation>
    </message>
    <message>
        <source>When the shop holds more than the threshold at one of its mints, pay a share of it to the Lightning address above.</source>
        <translation>Quand la boutique détient plus que le seuil chez l&apos;une de ses mints, une part en est versée à l&apos;adresse Lightning ci-dessus.</translation>
    </message>
    <message>
        <source>Withdraw when a mint holds more than (sat)</source>
        <translation>Verser quand une mint détient plus de (sat)</translation>
    </message>
    <message>
        <source>Checked per mint. It must be at least the smallest amount the Lightning address accepts.</source>
        <translation>Vérifié par mint. Il doit être au moins égal au plus petit montant accepté par l&apos;adresse Lightning.</translation>
    </message>
    <message>
        <source>Share of the balance to withdraw (%)</source>
        <translation>Part du solde à verser (%)</translation>
    </message>
    <message>
        <source>The rest stays at the mint to pay the fees and to give change.</source>
        <translation>Le reste demeure chez la mint pour payer les frais et rendre la monnaie.</translation>
    </message>
    <message>
        <source>Highest withdrawal fee (%)</source>
        <translation>Frais de versement maximum (%)</translation>
    </message>
    <message>
        <source>A withdrawal whose mint and Lightning fees would be more than this share of it is not paid; the owner is told.</source>
        <translation>Un versement dont les frais de mint et Lightning dépasseraient cette part n&apos;est pas payé ; le propriétaire est prévenu.</translation>
    </message>
    <message>
        <source>Renew coins expiring within (days)</source>
        <translation>Renouveler les pièces qui expirent dans (jours)</translation>
    </message>
    <message>
        <source>Coins on a mint&apos;s old keys, or on keys that expire this soon, are swapped for coins on its current keys automatically.</source>
        <translation>Les pièces sur d&apos;anciennes clés d&apos;une mint, ou sur des clés qui expirent aussi tôt, sont échangées automatiquement contre des pièces sur ses clés actuelles.</translation>
    </message>
    <message>
        <source>Highest fee to renew old coins (sat)</source>
        <translation>Frais maximum pour renouveler les anciennes pièces (sat)</translation>
    </message>
    <message>
        <source>When a mint would charge more to swap its old coins, they are left and the owner is told.</source>
        <translation>Si une mint facturait davantage pour échanger ses anciennes pièces, elles sont laissées telles quelles et le propriétaire est prévenu.</translation>
    </message>
    <message>
        <source>Take tokens from other mints by converting them</source>
        <translation>Accepter les jetons d&apos;autres mints en les convertissant</translation>
    </message>
    <message>
        <source>A token from a mint the shop does not trust is paid over Lightning into the shop&apos;s first mint and kept as ecash there. The customer&apos;s token pays the Lightning fee; the shop&apos;s fee limits are checked before anything is spent.</source>
        <translation>Un jeton d&apos;une mint à laquelle la boutique ne fait pas confiance est versé en Lightning vers la première mint de la boutique et conservé là en ecash. Le jeton du client paie les frais Lightning ; les plafonds de frais de la boutique sont vérifiés avant toute dépense.</translation>
    </message>
    <message>
        <source>Accept payments while a mint is offline</source>
        <translation>Accepter des paiements quand un mint est hors ligne</translation>
    </message>
    <message>
        <source>Only for tokens made out to this shop that prove they are genuine; they are redeemed when the mint is back. Up to the limits below.</source>
        <translation>Uniquement pour les jetons établis au nom de ce commerce et qui prouvent leur authenticité&#xa0;; ils sont encaissés au retour du mint. Dans les limites ci-dessous.</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>Offline limit per sale (sat)</source>
        <translation>Limite hors ligne par vente (sat)</translation>
    </message>
    <message>
        <source>Largest amount accepted offline for one sale.</source>
        <translation>Montant maximal accepté hors ligne pour une vente.</translation>
    </message>
    <message>
        <source>Offline limit per day (sat)</source>
        <translation>Limite hors ligne par jour (sat)</translation>
    </message>
    <message>
        <source>Largest total accepted offline in one day.</source>
        <translation>Total maximal accepté hors ligne en une journée.</translation>
    </message>
    <message>
        <source>Largest sale (sat)</source>
        <translation>Vente maximale (sat)</translation>
    </message>
    <message>
        <source>A larger sale is refused before the customer pays. 0: no limit.</source>
        <translation>Une vente plus importante est refusée avant que le client ne paie. 0 : pas de limite.</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Limites</translation>
    </message>
    <message>
        <source>Largest sale by a cashier (sat)</source>
        <translation>Plus grande vente par un caissier (sat)</translation>
    </message>
    <message>
        <source>With staff accounts, a cashier&apos;s larger sale is refused. It can only be lower than the largest sale. 0: the largest sale applies.</source>
        <translation>Avec des comptes du personnel, une vente plus grande d&apos;un caissier est refusée. La valeur ne peut être que plus basse que la plus grande vente. 0 : la plus grande vente s&apos;applique.</translation>
    </message>
    <message>
        <source>Largest sale by a manager (sat)</source>
        <translation>Plus grande vente par un responsable (sat)</translation>
    </message>
    <message>
        <source>With staff accounts, a manager&apos;s larger sale is refused. It can only be lower than the largest sale. 0: the largest sale applies.</source>
        <translation>Avec des comptes du personnel, une vente plus grande d&apos;un responsable est refusée. La valeur ne peut être que plus basse que la plus grande vente. 0 : la plus grande vente s&apos;applique.</translation>
    </message>
    <message>
        <source>Cashiers&apos; total per day (sat)</source>
        <translation>Total par jour des caissiers (sat)</translation>
    </message>
    <message>
        <source>With staff accounts, online payments of the sales all cashiers make in one day (UTC) stop at this total. 0: only the shop&apos;s total per day applies.</source>
        <translation>Avec des comptes du personnel, les paiements en ligne des ventes de tous les caissiers en un jour (UTC) s&apos;arrêtent à ce total. 0 : seul le total par jour de la boutique s&apos;applique.</translation>
    </message>
    <message>
        <source>Managers&apos; total per day (sat)</source>
        <translation>Total par jour des responsables (sat)</translation>
    </message>
    <message>
        <source>With staff accounts, online payments of the sales all managers make in one day (UTC) stop at this total. 0: only the shop&apos;s total per day applies.</source>
        <translation>Avec des comptes du personnel, les paiements en ligne des ventes de tous les responsables en un jour (UTC) s&apos;arrêtent à ce total. 0 : seul le total par jour de la boutique s&apos;applique.</translation>
    </message>
    <message>
        <source>Largest total per day (sat)</source>
        <translation>Total maximal par jour (sat)</translation>
    </message>
    <message>
        <source>Online payments taken in one day (UTC) stop at this total. 0: no limit.</source>
        <translation>Les paiements en ligne d&apos;une journée (UTC) s&apos;arrêtent à ce total. 0 : pas de limite.</translation>
    </message>
    <message>
        <source>Manager&apos;s OK above (sat)</source>
        <translation>Accord du responsable au-delà de (sat)</translation>
    </message>
    <message>
        <source>With staff accounts, a cashier&apos;s sale above this needs a manager&apos;s PIN. 0: never.</source>
        <translation>Avec des comptes du personnel, une vente d&apos;un caissier au-delà de ce montant exige le PIN d&apos;un responsable. 0 : jamais.</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Caméra</translation>
    </message>
    <message>
        <source>The camera that reads customers&apos; codes, or a video file for testing.</source>
        <translation>La caméra qui lit les codes des clients, ou un fichier vidéo pour les essais.</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Appareils</translation>
    </message>
    <message>
        <source>Customer display</source>
        <translation>Écran client</translation>
    </message>
    <message>
        <source>A second screen that shows the customer the amount and the code.</source>
        <translation>Un second écran qui montre au client le montant et le code.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>The language of the app. The new language shows after a restart.</source>
        <translation>La langue de l&apos;app. La nouvelle langue s&apos;affiche après un redémarrage.</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Couleurs</translation>
    </message>
    <message>
        <source>Light or dark screens, or the same as the computer&apos;s setting.</source>
        <translation>Écrans clairs ou sombres, ou comme le réglage de l&apos;ordinateur.</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Affichage</translation>
    </message>
    <message>
        <source>Full screen till</source>
        <translation>Caisse en plein écran</translation>
    </message>
    <message>
        <source>Fill the whole screen without a window frame, as a till at the counter.</source>
        <translation>Occuper tout l&apos;écran sans cadre de fenêtre, comme une caisse au comptoir.</translation>
    </message>
    <message>
        <source>First retry after (seconds)</source>
        <translation>Premier nouvel essai après (secondes)</translation>
    </message>
    <message>
        <source>When a mint does not answer, the app keeps the token and tries again after this long.</source>
        <translation>Quand un mint ne répond pas, l&apos;app garde le jeton et réessaie après ce délai.</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Nouveaux essais</translation>
    </message>
    <message>
        <source>Wait longer each time (times)</source>
        <translation>Attendre plus longtemps à chaque fois (fois)</translation>
    </message>
    <message>
        <source>Each further retry waits this many times longer than the one before (2: twice as long).</source>
        <translation>Chaque nouvel essai attend ce nombre de fois plus longtemps que le précédent (2&#xa0;: deux fois plus).</translation>
    </message>
    <message>
        <source>Longest wait (seconds)</source>
        <translation>Attente maximale (secondes)</translation>
    </message>
    <message>
        <source>Retries never wait longer than this.</source>
        <translation>Les essais n&apos;attendent jamais plus longtemps.</translation>
    </message>
    <message>
        <source>Tries before asking the owner</source>
        <translation>Essais avant de demander au responsable</translation>
    </message>
    <message>
        <source>After this many failed tries the payment is listed under Needs attention.</source>
        <translation>Après ce nombre d&apos;échecs, le paiement apparaît dans «&#xa0;À traiter&#xa0;».</translation>
    </message>
    <message>
        <source>Check the mints every (seconds)</source>
        <translation>Vérifier les mints toutes les (secondes)</translation>
    </message>
    <message>
        <source>How often the app checks that the shop&apos;s mints are answering.</source>
        <translation>Fréquence à laquelle l&apos;app vérifie que les mints du commerce répondent.</translation>
    </message>
    <message>
        <source>Where the API listens and its port: 127.0.0.1 for this computer only; 0.0.0.0 or a network address of this computer for others (encrypted, see below). Applies at the next start.</source>
        <translation>Où l&apos;API écoute, avec son port : 127.0.0.1 pour cet ordinateur seulement ; 0.0.0.0 ou une adresse réseau de cet ordinateur pour les autres (chiffré, voir plus bas). S&apos;applique au prochain démarrage.</translation>
    </message>
    <message>
        <source>API address for customers&apos; wallets</source>
        <translation>Adresse de l&apos;API pour les portefeuilles des clients</translation>
    </message>
    <message>
        <source>The address customers&apos; wallets reach this till&apos;s API at, e.g. https://192.168.1.20:8787: each sale&apos;s code then lets a wallet pay over the network, without the camera. Empty: no network payments. Applies at the next start.</source>
        <translation>L&apos;adresse à laquelle les portefeuilles des clients joignent l&apos;API de cette caisse, par ex. https://192.168.1.20:8787 : le code de chaque vente permet alors à un portefeuille de payer par le réseau, sans la caméra. Vide : pas de paiement par le réseau. S&apos;applique au prochain démarrage.</translation>
    </message>
    <message>
        <source>Mints</source>
        <translation>Mints</translation>
    </message>
    <message>
        <source>Scheduled export</source>
        <translation>Export planifié</translation>
    </message>
    <message>
        <source>Export the ecash above the amount to keep, every day at this time in the shop&apos;s time zone, such as 18:30, or on some days, such as 18:30 mon-fri. Empty: off.</source>
        <translation>Exporte l&apos;e-cash au-dessus du montant à garder, chaque jour à cette heure dans le fuseau horaire du commerce, par exemple 18:30, ou certains jours, par exemple 18:30 mon-fri. Vide&#xa0;: désactivé.</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>Exports</translation>
    </message>
    <message>
        <source>Scheduled export folder</source>
        <translation>Dossier de l&apos;export planifié</translation>
    </message>
    <message>
        <source>Where the token files and their list go, usually the USB drive. It must exist at export time: the app never creates it.</source>
        <translation>Où vont les fichiers de jetons et leur liste, en général la clé USB. Le dossier doit exister au moment de l&apos;export&#xa0;: l&apos;application ne le crée jamais.</translation>
    </message>
    <message>
        <source>Amount to keep per mint</source>
        <translation>Montant à garder par mint</translation>
    </message>
    <message>
        <source>The scheduled export leaves this much at each mint, in each unit (sat or cents), for change; only what is above it is exported.</source>
        <translation>L&apos;export planifié laisse ce montant à chaque mint, dans chaque unité (sat ou centimes), pour la monnaie&#xa0;; seul ce qui dépasse est exporté.</translation>
    </message>
    <message>
        <source>Watch exported tokens for (days)</source>
        <translation>Surveiller les jetons exportés pendant (jours)</translation>
    </message>
    <message>
        <source>Exported tokens and customers&apos; change are checked for claims automatically for this many days; older ones only when you press Check claims.</source>
        <translation>Les jetons exportés et la monnaie rendue aux clients sont vérifiés automatiquement pendant ce nombre de jours ; les plus anciens seulement quand vous appuyez sur Vérifier les encaissements.</translation>
    </message>
    <message>
        <source>VAT rates (%)</source>
        <translation>Taux de TVA (%)</translation>
    </message>
    <message>
        <source>The VAT rates items can have, separated by commas, such as 19, 7, 0. The first is the default for items and amounts without a rate.</source>
        <translation>Les taux de TVA possibles des articles, séparés par des virgules, par exemple 20, 5.5, 0. Le premier s&apos;applique aux articles et montants sans taux.</translation>
    </message>
    <message>
        <source>VAT and tips</source>
        <translation>TVA et pourboires</translation>
    </message>
    <message>
        <source>Prices include VAT</source>
        <translation>Prix TTC</translation>
    </message>
    <message>
        <source>On: prices and typed amounts are what the customer pays (gross). Off: VAT is added on top of them (net).</source>
        <translation>Activé : les prix et montants saisis sont ce que paie le client (TTC). Désactivé : la TVA s&apos;y ajoute (HT).</translation>
    </message>
    <message>
        <source>Round VAT</source>
        <translation>Arrondi de la TVA</translation>
    </message>
    <message>
        <source>line: each line&apos;s VAT is rounded and added up. total: the VAT of each rate is worked out once on the sum of its lines.</source>
        <translation>line : la TVA de chaque ligne est arrondie puis additionnée. total : la TVA de chaque taux est calculée une fois sur la somme de ses lignes.</translation>
    </message>
    <message>
        <source>Offer tips</source>
        <translation>Proposer un pourboire</translation>
    </message>
    <message>
        <source>Ask the customer for a tip after the total. The tip is kept apart from the sales amount.</source>
        <translation>Proposer un pourboire au client après le total. Le pourboire est compté à part du chiffre d&apos;affaires.</translation>
    </message>
    <message>
        <source>Tip presets (%)</source>
        <translation>Pourboires proposés (%)</translation>
    </message>
    <message>
        <source>The tip percents offered, separated by commas; the customer can also give another amount.</source>
        <translation>Les pourcentages proposés, séparés par des virgules ; le client peut aussi donner un autre montant.</translation>
    </message>
    <message>
        <source>Discount without a manager (%)</source>
        <translation>Remise sans responsable (%)</translation>
    </message>
    <message>
        <source>A discount above this share of the sale needs a manager&apos;s approval.</source>
        <translation>Une remise au-delà de cette part de la vente doit être approuvée par un responsable.</translation>
    </message>
    <message>
        <source>Local API</source>
        <translation>API locale</translation>
    </message>
    <message>
        <source>Serve the REST API (/api/v1) for an online shop, a kitchen screen or a kiosk on this computer; every call needs an API key. Applies at the next start.</source>
        <translation>Servir l&apos;API REST (/api/v1) pour une boutique en ligne, un écran de cuisine ou une borne sur cet ordinateur ; chaque appel demande une clé d&apos;API. S&apos;applique au prochain démarrage.</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>API address</source>
        <translation>Adresse de l&apos;API</translation>
    </message>
    <message>
        <source>API calls per key a minute</source>
        <translation>Appels d&apos;API par clé et par minute</translation>
    </message>
    <message>
        <source>More calls with one key are refused for a moment (429); one address may make twice as many with all its keys. Applies at the next start.</source>
        <translation>Au-delà, les appels avec une clé sont refusés un moment (429) ; une adresse peut en faire deux fois plus avec toutes ses clés. S&apos;applique au prochain démarrage.</translation>
    </message>
    <message>
        <source>API encryption (TLS)</source>
        <translation>Chiffrement de l&apos;API (TLS)</translation>
    </message>
    <message>
        <source>auto: a certificate the till makes itself when the address is on the network, plain HTTP on this computer only; self_signed: that certificate always; own: the shop&apos;s certificate below; off: plain HTTP (on the network only with the setting below). Applies at the next start.</source>
        <translation>auto : un certificat que la caisse crée elle-même quand l&apos;adresse est sur le réseau, HTTP simple sur cet ordinateur seulement ; self_signed : toujours ce certificat ; own : le certificat de la boutique ci-dessous ; off : HTTP simple (sur le réseau seulement avec le réglage ci-dessous). S&apos;applique au prochain démarrage.</translation>
    </message>
    <message>
        <source>API certificate file</source>
        <translation>Fichier du certificat de l&apos;API</translation>
    </message>
    <message>
        <source>With encryption own: the shop&apos;s certificate (PEM, with its chain).</source>
        <translation>Avec le chiffrement own : le certificat de la boutique (PEM, avec sa chaîne).</translation>
    </message>
    <message>
        <source>API certificate key file</source>
        <translation>Fichier de clé du certificat de l&apos;API</translation>
    </message>
    <message>
        <source>With encryption own: the certificate&apos;s private key (PEM, without a password; readable only by the till&apos;s user).</source>
        <translation>Avec le chiffrement own : la clé privée du certificat (PEM, sans mot de passe ; lisible seulement par l&apos;utilisateur de la caisse).</translation>
    </message>
    <message>
        <source>Plain HTTP on the network</source>
        <translation>HTTP simple sur le réseau</translation>
    </message>
    <message>
        <source>Allow encryption off on a network address: anyone on the network can then read API keys and payments. Applies at the next start.</source>
        <translation>Autoriser le chiffrement off sur une adresse réseau : n&apos;importe qui sur le réseau peut alors lire les clés d&apos;API et les paiements. S&apos;applique au prochain démarrage.</translation>
    </message>
    <message>
        <source>API only for</source>
        <translation>API seulement pour</translation>
    </message>
    <message>
        <source>Addresses or networks that may call the API, separated by commas (192.168.1.0/24, 10.0.0.7); empty: every address. Applies at the next start.</source>
        <translation>Adresses ou réseaux qui peuvent appeler l&apos;API, séparés par des virgules (192.168.1.0/24, 10.0.0.7) ; vide : toutes les adresses. S&apos;applique au prochain démarrage.</translation>
    </message>
    <message>
        <source>API never for</source>
        <translation>API jamais pour</translation>
    </message>
    <message>
        <source>Addresses or networks always refused, separated by commas. Applies at the next start.</source>
        <translation>Adresses ou réseaux toujours refusés, séparés par des virgules. S&apos;applique au prochain démarrage.</translation>
    </message>
    <message>
        <source>Webhooks to the local network</source>
        <translation>Webhooks vers le réseau local</translation>
    </message>
    <message>
        <source>Allow webhook receivers on this computer or the shop&apos;s network. Link-local and cloud metadata addresses are always refused.</source>
        <translation>Autoriser les récepteurs de webhooks sur cet ordinateur ou le réseau de la boutique. Les adresses link-local et de métadonnées cloud sont toujours refusées.</translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
    <message>
        <source>Keep webhook history (days)</source>
        <translation>Conserver l&apos;historique des webhooks (jours)</translation>
    </message>
    <message>
        <source>Delivered and failed webhooks are forgotten after this many days.</source>
        <translation>Les webhooks livrés ou en échec sont oubliés après ce nombre de jours.</translation>
    </message>
    <message>
        <source>Old webhook secret valid for (hours)</source>
        <translation>Ancien secret de webhook valable (heures)</translation>
    </message>
    <message>
        <source>After a new secret is made, the old one also signs for this long, so receivers can be updated without losing events.</source>
        <translation>Après la création d&apos;un nouveau secret, l&apos;ancien signe aussi pendant cette durée, pour mettre à jour les récepteurs sans perdre d&apos;événements.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Articles</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personnel</translation>
    </message>
    <message>
        <source>Show advanced settings</source>
        <translation>Afficher les réglages avancés</translation>
    </message>
    <message>
        <source>Audit log…</source>
        <translation>Journal d&apos;audit…</translation>
    </message>
    <message>
        <source>Who did what and when; check that nobody changed the log.</source>
        <translation>Qui a fait quoi et quand ; vérifier que personne n&apos;a modifié le journal.</translation>
    </message>
    <message>
        <source>Presets…</source>
        <translation>Préréglages…</translation>
    </message>
    <message>
        <source>Settings for a cafe, a market stall, a shop with an online store…</source>
        <translation>Paramètres pour un café, un stand de marché, une boutique avec vente en ligne…</translation>
    </message>
    <message>
        <source>Run setup again…</source>
        <translation>Refaire la configuration…</translation>
    </message>
    <message>
        <source>The shop, how payments are kept and the Lightning address, step by step.</source>
        <translation>La boutique, la conservation des paiements et l&apos;adresse Lightning, étape par étape.</translation>
    </message>
    <message>
        <source>Most shops never change these: the defaults are safe.</source>
        <translation>La plupart des commerces n&apos;y touchent jamais&#xa0;: les valeurs par défaut sont sûres.</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Annuler les modifications</translation>
    </message>
    <message>
        <source>Save  (Ctrl+S)</source>
        <translation>Enregistrer  (Ctrl+S)</translation>
    </message>
    <message>
        <source>Export settings…</source>
        <translation>Exporter les paramètres…</translation>
    </message>
    <message>
        <source>Import settings…</source>
        <translation>Importer les paramètres…</translation>
    </message>
    <message>
        <source>Setup saved.</source>
        <translation>Configuration enregistrée.</translation>
    </message>
    <message>
        <source>Hide advanced settings</source>
        <translation>Masquer les réglages avancés</translation>
    </message>
    <message>
        <source>Trusted mints</source>
        <translation>Mints de confiance</translation>
    </message>
    <message>
        <source>Changes to mints apply at once.</source>
        <translation>Les changements de mints s&apos;appliquent tout de suite.</translation>
    </message>
    <message>
        <source>This till only</source>
        <translation>Cette caisse seulement</translation>
    </message>
    <message>
        <source>Each till of the shop keeps its own value.</source>
        <translation>Chaque caisse du magasin garde sa propre valeur.</translation>
    </message>
    <message>
        <source>All tills</source>
        <translation>Toutes les caisses</translation>
    </message>
    <message>
        <source>A change here applies to every till of the shop.</source>
        <translation>Une modification ici s&apos;applique à toutes les caisses du magasin.</translation>
    </message>
    <message>
        <source>Unsaved changes.</source>
        <translation>Modifications non enregistrées.</translation>
    </message>
    <message>
        <source>Imported {n} setting(s).</source>
        <translation>{n} paramètre(s) importé(s).</translation>
    </message>
    <message>
        <source>The Lightning address accepts {n} sat or more: the withdrawal threshold must be at least that.</source>
        <translation>L&apos;adresse Lightning accepte {n} sat ou plus : le seuil de versement doit être au moins égal.</translation>
    </message>
    <message>
        <source>{n} setting(s) not saved: see the message under each.</source>
        <translation>{n} réglage(s) non enregistré(s)&#xa0;: voir le message sous chacun.</translation>
    </message>
    <message>
        <source>Saved {n} setting(s).</source>
        <translation>{n} réglage(s) enregistré(s).</translation>
    </message>
    <message>
        <source>Nothing to save: no setting was changed.</source>
        <translation>Rien à enregistrer&#xa0;: aucun réglage n&apos;a changé.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up the point of sale</source>
        <translation>Configurer la caisse</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Help  F1</source>
        <translation>Aide  F1</translation>
    </message>
    <message>
        <source>What this step means, in the app&apos;s own help</source>
        <translation>Ce que signifie cette étape, dans l&apos;aide de l&apos;application</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>Step {i} of {n}</source>
        <translation>Étape {i} sur {n}</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Terminer</translation>
    </message>
    <message>
        <source>Start training</source>
        <translation>Commencer la formation</translation>
    </message>
    <message>
        <source>taken from {var}</source>
        <translation>tirée de {var}</translation>
    </message>
    <message>
        <source>kept in this computer&apos;s keyring</source>
        <translation>dans le trousseau de clés de cet ordinateur</translation>
    </message>
    <message>
        <source>made from your passphrase, asked at every start</source>
        <translation>issue de votre phrase secrète, demandée à chaque démarrage</translation>
    </message>
    <message>
        <source>Wallet: restored from {n} recovery words</source>
        <translation>Portefeuille&#xa0;: restauré à partir de {n} mots de récupération</translation>
    </message>
    <message>
        <source>Wallet: new, with the {n} recovery words you wrote down</source>
        <translation>Portefeuille&#xa0;: nouveau, avec les {n} mots de récupération que vous avez notés</translation>
    </message>
    <message>
        <source>Database key: {method}</source>
        <translation>Clé de la base de données&#xa0;: {method}</translation>
    </message>
    <message>
        <source>Trusted mints: {mints}</source>
        <translation>Mints de confiance&#xa0;: {mints}</translation>
    </message>
    <message>
        <source>Shop: {name}, prices in {currency}</source>
        <translation>Boutique : {name}, prix en {currency}</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <source>Payments: {mode}</source>
        <translation>Paiements : {mode}</translation>
    </message>
    <message>
        <source>Preset: {preset}</source>
        <translation>Préréglage : {preset}</translation>
    </message>
    <message>
        <source>Owner: {name}, with a PIN</source>
        <translation>Propriétaire : {name}, avec un PIN</translation>
    </message>
    <message>
        <source>Owner: no staff accounts (add them later in Settings, Staff)</source>
        <translation>Propriétaire : pas de comptes du personnel (à ajouter plus tard dans Réglages, Personnel)</translation>
    </message>
    <message>
        <source>Data folder: {path}</source>
        <translation>Dossier des données&#xa0;: {path}</translation>
    </message>
    <message>
        <source>Fees and limits: the usual ones</source>
        <translation>Frais et limites : les valeurs habituelles</translation>
    </message>
    <message>
        <source>Fees and limits: {changes}</source>
        <translation>Frais et limites : {changes}</translation>
    </message>
    <message>
        <source>Exchange rate now: 1 BTC = {price} {currency}</source>
        <translation>Taux actuel : 1 BTC = {price} {currency}</translation>
    </message>
    <message>
        <source>Lightning address: {address} ({low} to {high} sat)</source>
        <translation>Adresse Lightning : {address} ({low} à {high} sat)</translation>
    </message>
    <message>
        <source>Lightning address: none (add it later in Settings)</source>
        <translation>Adresse Lightning : aucune (à ajouter plus tard dans les Réglages)</translation>
    </message>
    <message>
        <source>Joining the shop&apos;s database…</source>
        <translation>Connexion à la base de données de la boutique…</translation>
    </message>
    <message>
        <source>Creating the shop&apos;s database…</source>
        <translation>Création de la base de données de la boutique…</translation>
    </message>
    <message>
        <source>Creating the encrypted wallet…</source>
        <translation>Création du portefeuille chiffré…</translation>
    </message>
    <message>
        <source>Adding the mint {url}…</source>
        <translation>Ajout du mint {url}…</translation>
    </message>
    <message>
        <source>Saving the shop&apos;s settings…</source>
        <translation>Enregistrement des paramètres de la boutique…</translation>
    </message>
    <message>
        <source>The wallet was created, but a mint could not be added: {reason} Press Finish to try again, or go Back to change the mints.</source>
        <translation>Le portefeuille a été créé, mais un mint n&apos;a pas pu être ajouté&#xa0;: {reason} Appuyez sur Terminer pour réessayer, ou revenez en arrière pour changer les mints.</translation>
    </message>
</context>
<context>
    <name>ShopMintsBanner</name>
    <message>
        <source>The shop&apos;s mint is offline: %1. A payment cannot be confirmed now; a token taken meanwhile is at the shop&apos;s risk until the mint is back.</source>
        <translation>Le mint du commerce est hors ligne : %1. Un paiement ne peut pas être confirmé maintenant ; un jeton pris entre-temps est aux risques du commerce jusqu&apos;au retour du mint.</translation>
    </message>
    <message>
        <source>Offline now: %1. Tokens from that mint cannot be confirmed; tokens from the shop&apos;s other mints are fine.</source>
        <translation>Hors ligne : %1. Les jetons de ce mint ne peuvent pas être confirmés ; ceux des autres mints du commerce fonctionnent.</translation>
    </message>
</context>
<context>
    <name>ShopPage</name>
    <message>
        <source>Your shop</source>
        <translation>Votre boutique</translation>
    </message>
    <message>
        <source>Printed at the top of receipts and reports. You can change it later.</source>
        <translation>Imprimé en haut des reçus et des rapports. Vous pourrez le modifier plus tard.</translation>
    </message>
    <message>
        <source>Corner Café</source>
        <translation>Café du Coin</translation>
    </message>
    <message>
        <source>1 Main Street | 10115 Berlin</source>
        <translation>1 rue Principale | 75001 Paris</translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation>Nom de la boutique</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>VAT number</source>
        <translation>N° de TVA</translation>
    </message>
    <message>
        <source>Prices in</source>
        <translation>Prix en</translation>
    </message>
    <message>
        <source>A currency other than sat needs an exchange rate: the app asks public rate services; set a fixed rate in Settings if the till is offline.</source>
        <translation>Une devise autre que sat nécessite un taux de change : l&apos;application interroge des services de cours publics ; définissez un taux fixe dans les paramètres si la caisse est hors ligne.</translation>
    </message>
    <message>
        <source>Getting the {currency} rate…</source>
        <translation>Récupération du taux {currency}…</translation>
    </message>
    <message>
        <source>Now 1 BTC = {price} {currency} ({source}).</source>
        <translation>Actuellement 1 BTC = {price} {currency} ({source}).</translation>
    </message>
    <message>
        <source>No {currency} rate now ({reason}). Sales in {currency} need one: check the internet, or set a fixed rate in Settings after setup.</source>
        <translation>Pas de taux {currency} pour l&apos;instant ({reason}). Les ventes en {currency} en ont besoin : vérifiez la connexion internet, ou fixez un taux dans les Réglages après la configuration.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>a cashier</source>
        <translation>d&apos;un caissier</translation>
    </message>
    <message>
        <source>a manager</source>
        <translation>d&apos;un responsable</translation>
    </message>
    <message>
        <source>the owner</source>
        <translation>du propriétaire</translation>
    </message>
    <message>
        <source>cashier</source>
        <translation>caissier</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>responsable</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>propriétaire</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Allow</source>
        <translation>Autoriser</translation>
    </message>
    <message>
        <source>Who is at the till?</source>
        <translation>Qui est à la caisse ?</translation>
    </message>
    <message>
        <source>This needs {who}&apos;s PIN.</source>
        <translation>Il faut le PIN {who}.</translation>
    </message>
    <message>
        <source>Choose your name and type your PIN.</source>
        <translation>Choisissez votre nom et saisissez votre PIN.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Nobody here may do this.</source>
        <translation>Personne ici n&apos;a le droit de faire cela.</translation>
    </message>
</context>
<context>
    <name>StaffPanel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Dernière connexion</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>Bloqué jusqu&apos;à</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <source>Change PIN…</source>
        <translation>Changer le PIN…</translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation>Changer le rôle…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Débloquer</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Add staff</source>
        <translation>Ajouter du personnel</translation>
    </message>
    <message>
        <source>Added.</source>
        <translation>Ajouté.</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>Nouveau PIN</translation>
    </message>
    <message>
        <source>PIN changed.</source>
        <translation>PIN changé.</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>Changer le rôle</translation>
    </message>
    <message>
        <source>Role changed.</source>
        <translation>Rôle changé.</translation>
    </message>
    <message>
        <source>Unlocked.</source>
        <translation>Débloqué.</translation>
    </message>
    <message>
        <source>Remove {name}&apos;s account?</source>
        <translation>Retirer le compte de {name} ?</translation>
    </message>
    <message>
        <source>They can no longer sign in. What they did stays in the audit log.</source>
        <translation>Cette personne ne pourra plus se connecter. Ce qu&apos;elle a fait reste dans le journal d&apos;audit.</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Garder</translation>
    </message>
    <message>
        <source>Removed.</source>
        <translation>Retiré.</translation>
    </message>
</context>
<context>
    <name>StatusLight</name>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Slow</source>
        <translation>Lent</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>Pas encore vérifié</translation>
    </message>
</context>
<context>
    <name>StorageChoice</name>
    <message>
        <source>Where this till keeps the wallet</source>
        <translation>Où cette caisse garde le portefeuille</translation>
    </message>
    <message>
        <source>This till only (encrypted file on this computer)</source>
        <translation>Cette caisse seulement (fichier chiffré sur cet ordinateur)</translation>
    </message>
    <message>
        <source>Create the shop&apos;s database (first till)</source>
        <translation>Créer la base de données de la boutique (première caisse)</translation>
    </message>
    <message>
        <source>Join the shop&apos;s database</source>
        <translation>Rejoindre la base de données de la boutique</translation>
    </message>
    <message>
        <source>One till: the wallet in an encrypted file on this computer.</source>
        <translation>Une caisse : le portefeuille dans un fichier chiffré sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Several tills share one PostgreSQL database: the first till creates the shop there, with its recovery words.</source>
        <translation>Plusieurs caisses partagent une base de données PostgreSQL : la première caisse y crée la boutique, avec ses mots de récupération.</translation>
    </message>
    <message>
        <source>Another till of the shop made an enrolment file: this till joins the shop with it (the shop&apos;s recovery words are in its database).</source>
        <translation>Une autre caisse de la boutique a fait un fichier d&apos;inscription : cette caisse rejoint la boutique avec lui (les mots de récupération de la boutique sont dans sa base de données).</translation>
    </message>
</context>
<context>
    <name>StoragePage</name>
    <message>
        <source>The shop&apos;s database</source>
        <translation>La base de données de la boutique</translation>
    </message>
    <message>
        <source>Verify the server (TLS with the shop&apos;s CA certificate)</source>
        <translation>Vérifier le serveur (TLS avec le certificat d&apos;AC de la boutique)</translation>
    </message>
    <message>
        <source>The CA certificate of the shop&apos;s database server</source>
        <translation>Le certificat d&apos;AC du serveur de base de données de la boutique</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificats (*.pem *.crt *.cer);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>The enrolment file</source>
        <translation>Le fichier d&apos;inscription</translation>
    </message>
    <message>
        <source>Enrolment files (*.json);;All files (*)</source>
        <translation>Fichiers d&apos;inscription (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>e.g. Counter 1 (empty: Till 1, Till 2, …)</source>
        <translation>p. ex. Comptoir 1 (vide : Till 1, Till 2, …)</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>Fichier d&apos;AC</translation>
    </message>
    <message>
        <source>Enrolment file</source>
        <translation>Fichier d&apos;inscription</translation>
    </message>
    <message>
        <source>Its passphrase</source>
        <translation>Sa phrase secrète</translation>
    </message>
    <message>
        <source>Database password</source>
        <translation>Mot de passe de la base</translation>
    </message>
    <message>
        <source>This till&apos;s name</source>
        <translation>Nom de cette caisse</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <source>Join the shop with the enrolment file made on one of its tills (pos-app storage enrol). The database&apos;s address comes from the file.</source>
        <translation>Rejoignez la boutique avec le fichier d&apos;inscription fait sur l&apos;une de ses caisses (pos-app storage enrol). L&apos;adresse de la base de données vient du fichier.</translation>
    </message>
    <message>
        <source>This till creates the shop on an empty PostgreSQL database. The other tills join it later with an enrolment file.</source>
        <translation>Cette caisse crée la boutique dans une base de données PostgreSQL vide. Les autres caisses la rejoignent ensuite avec un fichier d&apos;inscription.</translation>
    </message>
    <message>
        <source>{var} is set: leave the password empty to use it.</source>
        <translation>{var} est défini : laissez le mot de passe vide pour l&apos;utiliser.</translation>
    </message>
    <message>
        <source>The password is kept in this computer&apos;s keyring, never in a file. Without a keyring, start the app with {var} set instead.</source>
        <translation>Le mot de passe est gardé dans le trousseau de cet ordinateur, jamais dans un fichier. Sans trousseau, lancez l&apos;application avec {var} défini.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Connected to PostgreSQL {version} at {where}.</source>
        <translation>Connecté à PostgreSQL {version} sur {where}.</translation>
    </message>
    <message>
        <source>It holds the shop (tills so far: {n}; the enrolment file was made on {till}): this till joins it.</source>
        <translation>Elle contient la boutique (caisses jusqu&apos;ici : {n} ; le fichier d&apos;inscription a été fait sur {till}) : cette caisse la rejoint.</translation>
    </message>
    <message>
        <source>Storage: joins the shop&apos;s database at {where} as {name}</source>
        <translation>Stockage : rejoint la base de données de la boutique sur {where} en tant que {name}</translation>
    </message>
    <message>
        <source>The database is empty: Finish creates the shop there.</source>
        <translation>La base de données est vide : Terminer y crée la boutique.</translation>
    </message>
    <message>
        <source>The password comes from {var}.</source>
        <translation>Le mot de passe vient de {var}.</translation>
    </message>
    <message>
        <source>The password will be kept in this computer&apos;s keyring.</source>
        <translation>Le mot de passe sera gardé dans le trousseau de cet ordinateur.</translation>
    </message>
    <message>
        <source>The server asked for no password.</source>
        <translation>Le serveur n&apos;a demandé aucun mot de passe.</translation>
    </message>
    <message>
        <source>Wrong user name or password: the server refused them. Check both.</source>
        <translation>Nom d&apos;utilisateur ou mot de passe erroné : le serveur les a refusés. Vérifiez les deux.</translation>
    </message>
    <message>
        <source>The server asks for a password: type it (or set {var}).</source>
        <translation>Le serveur demande un mot de passe : saisissez-le (ou définissez {var}).</translation>
    </message>
    <message>
        <source>No database server answers at that address. Check the server&apos;s name, the port, and that the server runs.</source>
        <translation>Aucun serveur de base de données ne répond à cette adresse. Vérifiez le nom du serveur, le port, et que le serveur tourne.</translation>
    </message>
    <message>
        <source>The server has no database of that name. Check the name, or ask for the database to be made.</source>
        <translation>Le serveur n&apos;a pas de base de données de ce nom. Vérifiez le nom, ou demandez que la base soit créée.</translation>
    </message>
    <message>
        <source>The secure connection failed: the server does not offer TLS, or its certificate does not match the CA file or the server&apos;s name.</source>
        <translation>La connexion sécurisée a échoué : le serveur n&apos;offre pas TLS, ou son certificat ne correspond pas au fichier d&apos;AC ou au nom du serveur.</translation>
    </message>
    <message>
        <source>The server refuses this computer or this user. Ask for it to be let in (pg_hba.conf).</source>
        <translation>Le serveur refuse cet ordinateur ou cet utilisateur. Demandez qu&apos;il soit autorisé (pg_hba.conf).</translation>
    </message>
    <message>
        <source>This user may not create tables in the database. Make the user the database&apos;s owner.</source>
        <translation>Cet utilisateur ne peut pas créer de tables dans la base. Faites-en le propriétaire de la base.</translation>
    </message>
    <message>
        <source>This database already holds a shop. Give an empty database, or choose Join the shop&apos;s database with an enrolment file from one of its tills.</source>
        <translation>Cette base de données contient déjà une boutique. Donnez une base vide, ou choisissez « Rejoindre la base de données de la boutique » avec un fichier d&apos;inscription de l&apos;une de ses caisses.</translation>
    </message>
    <message>
        <source>This database is not empty: it holds tables of another program. Give the shop an empty database of its own.</source>
        <translation>Cette base de données n&apos;est pas vide : elle contient des tables d&apos;un autre programme. Donnez à la boutique sa propre base vide.</translation>
    </message>
    <message>
        <source>This database holds no shop yet. Create the shop on the first till.</source>
        <translation>Cette base de données ne contient pas encore de boutique. Créez la boutique sur la première caisse.</translation>
    </message>
    <message>
        <source>The enrolment file is for another shop than the one this database holds.</source>
        <translation>Le fichier d&apos;inscription est d&apos;une autre boutique que celle de cette base.</translation>
    </message>
    <message>
        <source>The shop already has a till of that name. Choose another name.</source>
        <translation>La boutique a déjà une caisse de ce nom. Choisissez un autre nom.</translation>
    </message>
    <message>
        <source>The passphrase does not open this enrolment file.</source>
        <translation>La phrase secrète n&apos;ouvre pas ce fichier d&apos;inscription.</translation>
    </message>
    <message>
        <source>The enrolment file is damaged or was changed.</source>
        <translation>Le fichier d&apos;inscription est endommagé ou a été modifié.</translation>
    </message>
    <message>
        <source>Choose the enrolment file.</source>
        <translation>Choisissez le fichier d&apos;inscription.</translation>
    </message>
    <message>
        <source>Type the enrolment file&apos;s passphrase.</source>
        <translation>Saisissez la phrase secrète du fichier d&apos;inscription.</translation>
    </message>
    <message>
        <source>Choose the CA file to verify the server with.</source>
        <translation>Choisissez le fichier d&apos;AC avec lequel vérifier le serveur.</translation>
    </message>
    <message>
        <source>This computer has no keyring to keep the database password in. Start the app with {var} set to it (the password is never written to a file).</source>
        <translation>Cet ordinateur n&apos;a pas de trousseau où garder le mot de passe de la base. Lancez l&apos;application avec {var} défini à ce mot de passe (il n&apos;est jamais écrit dans un fichier).</translation>
    </message>
    <message>
        <source>{var} is set to another password. Leave the password empty to use it, or change {var}.</source>
        <translation>{var} est défini à un autre mot de passe. Laissez le mot de passe vide pour l&apos;utiliser, ou changez {var}.</translation>
    </message>
    <message>
        <source>a numbered till</source>
        <translation>une caisse numérotée</translation>
    </message>
    <message>
        <source>Storage: creates the shop&apos;s database at {where}; this till is {name}</source>
        <translation>Stockage : crée la base de données de la boutique sur {where} ; cette caisse est {name}</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>Check the choices, then press Finish.</source>
        <translation>Vérifiez vos choix, puis appuyez sur Terminer.</translation>
    </message>
</context>
<context>
    <name>TipChooser</name>
    <message>
        <source>Would you like to add a tip?</source>
        <translation>Souhaitez-vous laisser un pourboire ?</translation>
    </message>
    <message>
        <source>No tip</source>
        <translation>Pas de pourboire</translation>
    </message>
    <message>
        <source>Other amount</source>
        <translation>Autre montant</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Total: %1 %2</source>
        <translation>Total : %1 %2</translation>
    </message>
</context>
<context>
    <name>TipPad</name>
    <message>
        <source>Add this tip</source>
        <translation>Ajouter ce pourboire</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>TokenFolderRow</name>
    <message>
        <source>Folder for the token file (optional)</source>
        <translation>Dossier du fichier jeton (facultatif)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Save the refund token to</source>
        <translation>Enregistrer le jeton de remboursement dans</translation>
    </message>
</context>
<context>
    <name>TokenResult</name>
    <message>
        <source>Copy token</source>
        <translation>Copier le jeton</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Long token: the QR code is animated; scan it until it completes.</source>
        <translation>Jeton long : le QR code est animé ; scannez jusqu&apos;à ce qu&apos;il soit complet.</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
</context>
<context>
    <name>TrainingStart</name>
    <message>
        <source>Training mode</source>
        <translation>Mode formation</translation>
    </message>
    <message>
        <source>Starting the training mint...</source>
        <translation>Démarrage de la mint de formation...</translation>
    </message>
    <message>
        <source>Training mode could not start: {reason}</source>
        <translation>Le mode formation n&apos;a pas pu démarrer : {reason}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>TrainingTitles</name>
    <message>
        <source>TRAINING</source>
        <translation>FORMATION</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Cashu point of sale</source>
        <translation>Caisse Cashu</translation>
    </message>
</context>
<context>
    <name>UiContext</name>
    <message>
        <source>Nothing was done: it needs {who}&apos;s PIN.</source>
        <translation>Rien n&apos;a été fait : il faut le PIN {who}.</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock the wallet</source>
        <translation>Déverrouiller le portefeuille</translation>
    </message>
    <message>
        <source>Enter the passphrase of the shop&apos;s wallet.</source>
        <translation>Saisissez la phrase secrète du portefeuille du commerce.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Wallet folder: {path}</source>
        <translation>Dossier du portefeuille&#xa0;: {path}</translation>
    </message>
    <message>
        <source>The wallet cannot be opened</source>
        <translation>Impossible d&apos;ouvrir le portefeuille</translation>
    </message>
    <message>
        <source>The wallet is unchanged: the app never replaces it with a new one. Fix the problem below and press Try again, or Quit.</source>
        <translation>Le portefeuille est intact&#xa0;: l&apos;app ne le remplace jamais par un nouveau. Corrigez le problème ci-dessous et appuyez sur Réessayer, ou sur Quitter.</translation>
    </message>
    <message>
        <source>Wrong passphrase. Check it and try again.</source>
        <translation>Phrase secrète incorrecte. Vérifiez-la et réessayez.</translation>
    </message>
    <message>
        <source>The key in {var} does not open this wallet.</source>
        <translation>La clé de {var} n&apos;ouvre pas ce portefeuille.</translation>
    </message>
    <message>
        <source>This computer&apos;s keyring has no key for this wallet. Log in to your desktop session or unlock the keyring, then try again.</source>
        <translation>Le trousseau de clés de cet ordinateur n&apos;a pas de clé pour ce portefeuille. Ouvrez votre session de bureau ou déverrouillez le trousseau, puis réessayez.</translation>
    </message>
    <message>
        <source>This wallet&apos;s key was given in {var}, which is not set now. Start the app with the same {var}.</source>
        <translation>La clé de ce portefeuille venait de {var}, qui n&apos;est pas défini maintenant. Lancez l&apos;app avec le même {var}.</translation>
    </message>
    <message>
        <source>The shop&apos;s database server does not answer. Check that it runs and that this computer is on the shop&apos;s network, then press Try again.</source>
        <translation>Le serveur de base de données de la boutique ne répond pas. Vérifiez qu&apos;il fonctionne et que cet ordinateur est sur le réseau de la boutique, puis appuyez sur « Réessayer ».</translation>
    </message>
    <message>
        <source>The shop&apos;s database server refused the user name or the password. If the password was changed, start the app with {var} set to the new one.</source>
        <translation>Le serveur de base de données de la boutique a refusé le nom d&apos;utilisateur ou le mot de passe. Si le mot de passe a changé, démarrez l&apos;application avec {var} réglé sur le nouveau.</translation>
    </message>
    <message>
        <source>The shop&apos;s database server asks for a password, and this computer has none for it in its keyring. Start the app with {var} set to it.</source>
        <translation>Le serveur de base de données de la boutique demande un mot de passe, et cet ordinateur n&apos;en a aucun pour lui dans son trousseau. Démarrez l&apos;application avec {var} réglé sur ce mot de passe.</translation>
    </message>
    <message>
        <source>The shop&apos;s database is no longer on its server. Ask whoever runs the server.</source>
        <translation>La base de données de la boutique n&apos;est plus sur son serveur. Demandez à la personne qui gère le serveur.</translation>
    </message>
    <message>
        <source>The secure connection to the shop&apos;s database server failed: its certificate does not match the CA file or the server&apos;s name.</source>
        <translation>La connexion sécurisée au serveur de base de données de la boutique a échoué : son certificat ne correspond pas au fichier CA ou au nom du serveur.</translation>
    </message>
    <message>
        <source>The shop&apos;s database server refuses this computer or this user. Ask for it to be let in (pg_hba.conf).</source>
        <translation>Le serveur de base de données de la boutique refuse cet ordinateur ou cet utilisateur. Demandez à ce qu&apos;il soit autorisé (pg_hba.conf).</translation>
    </message>
    <message>
        <source>The shop&apos;s database server did not let this till in. Try again; if it keeps failing, ask whoever runs the server.</source>
        <translation>Le serveur de base de données de la boutique n&apos;a pas laissé entrer cette caisse. Réessayez ; si l&apos;échec persiste, demandez à la personne qui gère le serveur.</translation>
    </message>
</context>
<context>
    <name>WalletPage</name>
    <message>
        <source>Wallet</source>
        <translation>Portefeuille</translation>
    </message>
    <message>
        <source>Mint</source>
        <translation>Mint</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Solde</translation>
    </message>
    <message>
        <source>No ecash yet. Take a payment or import a token.</source>
        <translation>Pas encore d&apos;e-cash. Encaissez un paiement ou importez un jeton.</translation>
    </message>
    <message>
        <source>Export to file… (Ctrl+E)</source>
        <translation>Exporter dans un fichier… (Ctrl+E)</translation>
    </message>
    <message>
        <source>Import… (Ctrl+I)</source>
        <translation>Importer… (Ctrl+I)</translation>
    </message>
    <message>
        <source>Check with the mints</source>
        <translation>Vérifier auprès des mints</translation>
    </message>
    <message>
        <source>Ask the mints which exported tokens were redeemed and which coins are spent.</source>
        <translation>Demander aux mints quels jetons exportés ont été encaissés et quelles pièces sont dépensées.</translation>
    </message>
    <message>
        <source>Exported tokens</source>
        <translation>Jetons exportés</translation>
    </message>
    <message>
        <source>Withdrawals to Lightning</source>
        <translation>Retraits vers Lightning</translation>
    </message>
    <message>
        <source>Total {amount}</source>
        <translation>Total {amount}</translation>
    </message>
    <message>
        <source>Checking with the mints…</source>
        <translation>Vérification auprès des mints…</translation>
    </message>
    <message>
        <source>Checked {n} coins.</source>
        <translation>{n} pièces vérifiées.</translation>
    </message>
    <message>
        <source>{n} exported token(s) were redeemed.</source>
        <translation>{n} jeton(s) exporté(s) encaissé(s).</translation>
    </message>
    <message>
        <source>{n} exported token(s) were partly redeemed.</source>
        <translation>{n} jeton(s) exporté(s) encaissé(s) en partie.</translation>
    </message>
    <message>
        <source>{n} coin(s) were spent.</source>
        <translation>{n} pièce(s) dépensée(s).</translation>
    </message>
    <message>
        <source>{n} stuck coin(s) were returned to the balance.</source>
        <translation>{n} pièce(s) bloquée(s) remise(s) dans le solde.</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>Rien n&apos;a changé.</translation>
    </message>
    <message>
        <source>{mint} could not be checked: {reason}.</source>
        <translation>{mint} n&apos;a pas pu être vérifié&#xa0;: {reason}.</translation>
    </message>
</context>
<context>
    <name>WebhookPanel</name>
    <message>
        <source>All events (or e.g. sale.paid,sale.cancelled)</source>
        <translation>Tous les événements (ou p. ex. sale.paid,sale.cancelled)</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Numo compatible</source>
        <translation>Compatible Numo</translation>
    </message>
    <message>
        <source>BTCPay signature too</source>
        <translation>Signature BTCPay aussi</translation>
    </message>
    <message>
        <source>Add receiver</source>
        <translation>Ajouter un récepteur</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Signing secret: copy it into the receiver now, it is not shown again.</source>
        <translation>Secret de signature : copiez-le maintenant dans le récepteur, il ne sera plus affiché.</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>Last delivery</source>
        <translation>Dernière livraison</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Send test event</source>
        <translation>Envoyer un événement de test</translation>
    </message>
    <message>
        <source>New secret</source>
        <translation>Nouveau secret</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Livrés</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>En échec</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>Attempts…</source>
        <translation>Tentatives…</translation>
    </message>
    <message>
        <source>Redeliver</source>
        <translation>Relivrer</translation>
    </message>
    <message>
        <source>Redeliver all failed</source>
        <translation>Relivrer tous les échecs</translation>
    </message>
    <message>
        <source>Delivery history</source>
        <translation>Historique des livraisons</translation>
    </message>
    <message>
        <source>all</source>
        <translation>tous</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>en pause</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>envoi en cours</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>livré</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>en échec</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Enregistrer les modifications</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation>Bienvenue</translation>
    </message>
    <message>
        <source>This computer holds the shop&apos;s ecash wallet. Let&apos;s set it up.</source>
        <translation>Cet ordinateur garde le portefeuille e-cash du commerce. Configurons-le.</translation>
    </message>
    <message>
        <source>Create a new wallet</source>
        <translation>Créer un nouveau portefeuille</translation>
    </message>
    <message>
        <source>Restore a wallet from its recovery words</source>
        <translation>Restaurer un portefeuille à partir de ses mots de récupération</translation>
    </message>
    <message>
        <source>Try it first (training mode)</source>
        <translation>D&apos;abord essayer (mode formation)</translation>
    </message>
    <message>
        <source>For a new shop: you get 12 recovery words to write down.</source>
        <translation>Pour un nouveau commerce&#xa0;: vous recevez 12 mots de récupération à noter.</translation>
    </message>
    <message>
        <source>You have the 12 or 24 words of an earlier wallet.</source>
        <translation>Vous avez les 12 ou 24 mots d&apos;un ancien portefeuille.</translation>
    </message>
    <message>
        <source>Play money on a test mint that runs on this computer: practise sales before the shop is set up. Nothing is made for the shop yet; App, Leave training mode comes back here.</source>
        <translation>De l&apos;argent fictif sur une mint de test qui tourne sur cet ordinateur : s&apos;exercer aux ventes avant de configurer la boutique. Rien n&apos;est encore créé pour la boutique ; App, Quitter le mode formation ramène ici.</translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <source>Withdraw to Lightning</source>
        <translation>Retirer vers Lightning</translation>
    </message>
    <message>
        <source>Withdraw to the shop&apos;s Lightning address</source>
        <translation>Retirer vers l&apos;adresse Lightning de la boutique</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Vers</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <source>Mint</source>
        <translation>Mint</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Solde</translation>
    </message>
    <message>
        <source>To withdraw</source>
        <translation>À retirer</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Reading the Lightning address&apos;s limits…</source>
        <translation>Lecture des limites de l&apos;adresse Lightning…</translation>
    </message>
    <message>
        <source>Pay out</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>All mints ({n})</source>
        <translation>Toutes les mints ({n})</translation>
    </message>
    <message>
        <source>No trusted mint holds any ecash: nothing to withdraw.</source>
        <translation>Aucune mint de confiance ne détient d&apos;ecash : rien à retirer.</translation>
    </message>
    <message>
        <source>Nothing can be withdrawn from this choice now.</source>
        <translation>Rien ne peut être retiré avec ce choix pour l&apos;instant.</translation>
    </message>
    <message>
        <source>About {total} in all will be paid to {address}. Each mint pays {percent}% of its balance, the rest pays the fees. A mint whose fees would be more than {cap}% pays nothing.</source>
        <translation>Environ {total} au total seront versés à {address}. Chaque mint verse {percent}% de son solde, le reste paie les frais. Une mint dont les frais dépasseraient {cap}% ne verse rien.</translation>
    </message>
    <message>
        <source>Pay out {total}</source>
        <translation>Retirer {total}</translation>
    </message>
    <message>
        <source>Pay out {total} from {n} mints</source>
        <translation>Retirer {total} depuis {n} mints</translation>
    </message>
    <message>
        <source>A payout from this mint is still in progress</source>
        <translation>Un retrait depuis cette mint est encore en cours</translation>
    </message>
    <message>
        <source>Less than the {minimum} the address accepts</source>
        <translation>Moins que les {minimum} acceptés par l&apos;adresse</translation>
    </message>
    <message>
        <source>Paying out… (each mint in turn)</source>
        <translation>Retrait en cours… (une mint après l&apos;autre)</translation>
    </message>
    <message>
        <source>In all: {paid} paid, fees {fees}.</source>
        <translation>Au total : {paid} versés, frais {fees}.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>{mint}: {amount} paid (fee {fee}).</source>
        <translation>{mint} : {amount} versés (frais {fee}).</translation>
    </message>
    <message>
        <source>{mint}: {amount} on its way; the app checks it and finishes it by itself.</source>
        <translation>{mint} : {amount} en route ; l&apos;application vérifie et finalise d&apos;elle-même.</translation>
    </message>
    <message>
        <source>{mint}: not paid. {reason}</source>
        <translation>{mint} : non versé. {reason}</translation>
    </message>
    <message>
        <source>Nothing was paid.</source>
        <translation>Rien n&apos;a été versé.</translation>
    </message>
</context>
<context>
    <name>WithdrawHistory</name>
    <message>
        <source>Withdrawals to Lightning</source>
        <translation>Retraits vers Lightning</translation>
    </message>
    <message>
        <source>Withdraw to Lightning…</source>
        <translation>Retirer vers Lightning…</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Mint</source>
        <translation>Mint</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Frais</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Proof</source>
        <translation>Preuve</translation>
    </message>
    <message>
        <source>Nothing was withdrawn yet.</source>
        <translation>Aucun retrait pour l&apos;instant.</translation>
    </message>
    <message>
        <source>Pay the shop&apos;s ecash out to {address}.</source>
        <translation>Retirer l&apos;ecash de la boutique vers {address}.</translation>
    </message>
    <message>
        <source>To {address}</source>
        <translation>Vers {address}</translation>
    </message>
    <message>
        <source>No Lightning address is set: set the shop&apos;s Lightning address in Settings to withdraw.</source>
        <translation>Aucune adresse Lightning définie : définissez l&apos;adresse Lightning de la boutique dans les paramètres pour retirer.</translation>
    </message>
    <message>
        <source>Preimage: {preimage}</source>
        <translation>Préimage : {preimage}</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Payé</translation>
    </message>
    <message>
        <source>Paid (finished later)</source>
        <translation>Payé (finalisé plus tard)</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>À vérifier</translation>
    </message>
    <message>
        <source>Not paid</source>
        <translation>Non payé</translation>
    </message>
    <message>
        <source>Preimage checked</source>
        <translation>Préimage vérifiée</translation>
    </message>
    <message>
        <source>Confirmed by the address</source>
        <translation>Confirmé par l&apos;adresse</translation>
    </message>
    <message>
        <source>Not proven</source>
        <translation>Non prouvé</translation>
    </message>
    <message>
        <source>Proof does not match!</source>
        <translation>La preuve ne correspond pas !</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>Already spent</source>
        <translation>Déjà dépensé</translation>
    </message>
    <message>
        <source>This token was already used, here or elsewhere. Ask the customer to send a new one.</source>
        <translation>Ce jeton a déjà servi, ici ou ailleurs. Demandez-en un nouveau au client.</translation>
    </message>
    <message>
        <source>Token in use</source>
        <translation>Jeton en cours d&apos;utilisation</translation>
    </message>
    <message>
        <source>This token is being redeemed right now. Wait a moment; if the sale does not turn paid, ask the customer for a new token.</source>
        <translation>Ce jeton est en cours d&apos;encaissement. Patientez un instant&#xa0;; si la vente ne passe pas à payée, demandez un nouveau jeton au client.</translation>
    </message>
    <message>
        <source>The mint is still settling this token. Wait a moment; if the sale does not turn paid, ask the customer for a new token.</source>
        <translation>Le mint traite encore ce jeton. Patientez un instant&#xa0;; si la vente ne passe pas à payée, demandez un nouveau jeton au client.</translation>
    </message>
    <message>
        <source>Not a valid token</source>
        <translation>Jeton non valide</translation>
    </message>
    <message>
        <source>This code is not a valid ecash token. Ask the customer to show the token again or to send a new one.</source>
        <translation>Ce code n&apos;est pas un jeton e-cash valide. Demandez au client de montrer à nouveau le jeton ou d&apos;en envoyer un nouveau.</translation>
    </message>
    <message>
        <source>Empty token</source>
        <translation>Jeton vide</translation>
    </message>
    <message>
        <source>This token holds no coins. Ask the customer to send a new one.</source>
        <translation>Ce jeton ne contient aucune pièce. Demandez-en un nouveau au client.</translation>
    </message>
    <message>
        <source>The animated code could not be read as a token. Ask the customer to show it again.</source>
        <translation>Le code animé n&apos;a pas pu être lu comme un jeton. Demandez au client de le montrer à nouveau.</translation>
    </message>
    <message>
        <source>Several mints</source>
        <translation>Plusieurs mints</translation>
    </message>
    <message>
        <source>This token mixes coins from several mints. Ask the customer to send one token per mint.</source>
        <translation>Ce jeton mélange des pièces de plusieurs mints. Demandez au client un jeton par mint.</translation>
    </message>
    <message>
        <source>Failed authenticity check</source>
        <translation>Contrôle d&apos;authenticité échoué</translation>
    </message>
    <message>
        <source>This token failed its authenticity check, so it may be forged. Do not accept it; ask the customer for a new token.</source>
        <translation>Ce jeton a échoué au contrôle d&apos;authenticité&#xa0;: il est peut-être falsifié. Ne l&apos;acceptez pas&#xa0;; demandez un nouveau jeton au client.</translation>
    </message>
    <message>
        <source>The mint&apos;s answer failed its authenticity check. The token is kept; tell the owner.</source>
        <translation>La réponse du mint a échoué au contrôle d&apos;authenticité. Le jeton est gardé&#xa0;; prévenez le responsable.</translation>
    </message>
    <message>
        <source>Locked token</source>
        <translation>Jeton verrouillé</translation>
    </message>
    <message>
        <source>This token is locked to someone else&apos;s key. Ask the customer for an unlocked token.</source>
        <translation>Ce jeton est verrouillé sur la clé de quelqu&apos;un d&apos;autre. Demandez au client un jeton non verrouillé.</translation>
    </message>
    <message>
        <source>This token is locked to someone else&apos;s key. Ask the customer for an unlocked token or one locked to this shop.</source>
        <translation>Ce jeton est verrouillé sur la clé de quelqu&apos;un d&apos;autre. Demandez au client un jeton non verrouillé ou verrouillé sur ce commerce.</translation>
    </message>
    <message>
        <source>Mint not accepted</source>
        <translation>Mint non accepté</translation>
    </message>
    <message>
        <source>This token is from a mint the shop does not accept. Ask the customer to pay with ecash from one of the shop&apos;s mints.</source>
        <translation>Ce jeton vient d&apos;un mint que le commerce n&apos;accepte pas. Demandez au client de payer en e-cash d&apos;un des mints du commerce.</translation>
    </message>
    <message>
        <source>Sale expired</source>
        <translation>Vente expirée</translation>
    </message>
    <message>
        <source>The price lock of this sale ran out. Start a new sale for the same amount.</source>
        <translation>Le prix garanti de cette vente a expiré. Lancez une nouvelle vente du même montant.</translation>
    </message>
    <message>
        <source>Sale cancelled</source>
        <translation>Vente annulée</translation>
    </message>
    <message>
        <source>This sale was cancelled. Start a new sale.</source>
        <translation>Cette vente a été annulée. Lancez une nouvelle vente.</translation>
    </message>
    <message>
        <source>Already paid</source>
        <translation>Déjà payée</translation>
    </message>
    <message>
        <source>This sale is already paid; nothing more is due. Do not take another token.</source>
        <translation>Cette vente est déjà payée&#xa0;; plus rien n&apos;est dû. N&apos;acceptez pas d&apos;autre jeton.</translation>
    </message>
    <message>
        <source>Not confirmed: mint offline</source>
        <translation>Non confirmé : mint hors ligne</translation>
    </message>
    <message>
        <source>The mint is offline, so this token is not confirmed yet; it is kept and retried automatically. Until the mint confirms it, the goods are at the shop&apos;s risk: the customer could still spend the token elsewhere.</source>
        <translation>Le mint est hors ligne, ce jeton n&apos;est donc pas encore confirmé ; il est conservé et réessayé automatiquement. Tant que le mint ne l&apos;a pas confirmé, la marchandise est aux risques du commerce : le client pourrait encore dépenser le jeton ailleurs.</translation>
    </message>
    <message>
        <source>Mint offline</source>
        <translation>Mint hors ligne</translation>
    </message>
    <message>
        <source>Mint unreachable</source>
        <translation>Mint injoignable</translation>
    </message>
    <message>
        <source>Mints offline</source>
        <translation>Mints hors ligne</translation>
    </message>
    <message>
        <source>Every mint the shop trusts is offline: a payment cannot be confirmed now. Wait until a mint answers, or show the request anyway: a token taken meanwhile is kept and redeemed when its mint is back.</source>
        <translation>Tous les mints de confiance de la boutique sont hors ligne : un paiement ne peut pas être confirmé maintenant. Attendez qu’un mint réponde, ou affichez la demande quand même : un jeton reçu entre-temps est conservé et encaissé dès que son mint est de retour.</translation>
    </message>
    <message>
        <source>Not confirmed yet</source>
        <translation>Pas encore confirmé</translation>
    </message>
    <message>
        <source>The customer&apos;s token was paid over to the shop&apos;s mint, which has not confirmed it yet. The app keeps checking; the sale is marked paid when the shop&apos;s mint confirms.</source>
        <translation>Le jeton du client a été versé à la mint de la boutique, qui ne l&apos;a pas encore confirmé. L&apos;application continue de vérifier ; la vente est marquée payée dès que la mint de la boutique confirme.</translation>
    </message>
    <message>
        <source>Not converted</source>
        <translation>Non converti</translation>
    </message>
    <message>
        <source>The customer&apos;s mint did not pay the shop&apos;s mint; nothing was spent. Ask for a token from one of the shop&apos;s mints.</source>
        <translation>La mint du client n&apos;a pas payé la mint de la boutique ; rien n&apos;a été dépensé. Demandez un jeton d&apos;une des mints de la boutique.</translation>
    </message>
    <message>
        <source>The mint could not be reached. The token is kept; the app tries again by itself.</source>
        <translation>Le mint est injoignable. Le jeton est gardé&#xa0;; l&apos;app réessaie d&apos;elle-même.</translation>
    </message>
    <message>
        <source>Database offline</source>
        <translation>Base de données hors ligne</translation>
    </message>
    <message>
        <source>The shop&apos;s database server does not answer. Check the network and that the server runs, then try again. A payment the mint has already taken is kept: it is completed when the server is back.</source>
        <translation>Le serveur de base de données de la boutique ne répond pas. Vérifiez le réseau et que le serveur tourne, puis réessayez. Un paiement déjà accepté par la mint est conservé : il est finalisé dès que le serveur est de retour.</translation>
    </message>
    <message>
        <source>The mint did not answer in time. The token is kept; the app tries again by itself.</source>
        <translation>Le mint n&apos;a pas répondu à temps. Le jeton est gardé&#xa0;; l&apos;app réessaie d&apos;elle-même.</translation>
    </message>
    <message>
        <source>Mint error</source>
        <translation>Erreur du mint</translation>
    </message>
    <message>
        <source>The mint had an internal error. The token is kept; the app tries again by itself.</source>
        <translation>Le mint a eu une erreur interne. Le jeton est gardé&#xa0;; l&apos;app réessaie d&apos;elle-même.</translation>
    </message>
    <message>
        <source>Mint busy</source>
        <translation>Mint surchargé</translation>
    </message>
    <message>
        <source>The mint asked the app to slow down. The token is kept; the app tries again soon.</source>
        <translation>Le mint a demandé à l&apos;app de ralentir. Le jeton est gardé&#xa0;; l&apos;app réessaie bientôt.</translation>
    </message>
    <message>
        <source>The mint sent an answer the app does not understand. The token is kept; if this goes on, tell the mint&apos;s operator.</source>
        <translation>Le mint a envoyé une réponse que l&apos;app ne comprend pas. Le jeton est gardé&#xa0;; si cela continue, prévenez l&apos;exploitant du mint.</translation>
    </message>
    <message>
        <source>Payment in progress</source>
        <translation>Paiement en cours</translation>
    </message>
    <message>
        <source>The Lightning payment is still in progress. The sale is marked paid when it goes through.</source>
        <translation>Le paiement Lightning est toujours en cours. La vente sera marquée payée dès qu&apos;il aboutit.</translation>
    </message>
    <message>
        <source>Wallet busy</source>
        <translation>Portefeuille occupé</translation>
    </message>
    <message>
        <source>The wallet is busy with another payment. Try again in a moment.</source>
        <translation>Le portefeuille traite un autre paiement. Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>Cannot convert</source>
        <translation>Conversion impossible</translation>
    </message>
    <message>
        <source>This token would have to be converted to Lightning, but the shop has no Lightning address. Ask for ecash from one of the shop&apos;s mints.</source>
        <translation>Ce jeton devrait être converti via Lightning, mais le commerce n&apos;a pas d&apos;adresse Lightning. Demandez de l&apos;e-cash d&apos;un des mints du commerce.</translation>
    </message>
    <message>
        <source>Payout not proven</source>
        <translation>Versement non prouvé</translation>
    </message>
    <message>
        <source>The token was converted, but the Lightning payment could not be proven. The owner must review it; the token is kept.</source>
        <translation>Le jeton a été converti, mais le paiement Lightning n&apos;a pas pu être prouvé. Le responsable doit le vérifier&#xa0;; le jeton est gardé.</translation>
    </message>
    <message>
        <source>The Lightning payment could not be proven. The owner must review it; the token is kept.</source>
        <translation>Le paiement Lightning n&apos;a pas pu être prouvé. Le responsable doit le vérifier&#xa0;; le jeton est gardé.</translation>
    </message>
    <message>
        <source>No exchange rate</source>
        <translation>Pas de taux de change</translation>
    </message>
    <message>
        <source>No exchange rate is available, so the price cannot be turned into sats. Check the internet connection, or set a fixed rate in Settings.</source>
        <translation>Aucun taux de change disponible&#xa0;: le prix ne peut pas être converti en sats. Vérifiez la connexion Internet, ou fixez un taux dans les réglages.</translation>
    </message>
    <message>
        <source>A shop currency other than sat needs an exchange rate, or no sale can be priced. Add a rate source or set a fixed rate, then save again.</source>
        <translation>Une devise autre que le sat a besoin d&apos;un taux de change, sinon aucune vente ne peut être chiffrée. Ajoutez une source de taux ou fixez un taux, puis enregistrez à nouveau.</translation>
    </message>
    <message>
        <source>Wrong passphrase</source>
        <translation>Phrase secrète incorrecte</translation>
    </message>
    <message>
        <source>The passphrase does not open this settings file. Type the one given when it was exported; nothing was changed.</source>
        <translation>La phrase secrète n&apos;ouvre pas ce fichier de paramètres. Saisissez celle donnée lors de l&apos;exportation ; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>Settings file damaged</source>
        <translation>Fichier de paramètres endommagé</translation>
    </message>
    <message>
        <source>The settings file is damaged or was changed after it was exported, so none of it is used. Export it again on the other till.</source>
        <translation>Le fichier de paramètres est endommagé ou a été modifié après l&apos;exportation : rien n&apos;en est utilisé. Exportez-le à nouveau sur l&apos;autre caisse.</translation>
    </message>
    <message>
        <source>Already claimed</source>
        <translation>Déjà encaissé</translation>
    </message>
    <message>
        <source>The recipient redeemed this export: the ecash is theirs and nothing is left to show or take back.</source>
        <translation>Le destinataire a encaissé cet export : l&apos;ecash est à lui et il ne reste rien à afficher ni à reprendre.</translation>
    </message>
    <message>
        <source>Already taken back</source>
        <translation>Déjà repris</translation>
    </message>
    <message>
        <source>This export is back in the wallet; its old token is no longer valid.</source>
        <translation>Cet export est revenu dans le portefeuille ; son ancien jeton n&apos;est plus valable.</translation>
    </message>
    <message>
        <source>Being taken back</source>
        <translation>Reprise en cours</translation>
    </message>
    <message>
        <source>This export is being taken back already. The wallet finishes it as soon as the mint answers.</source>
        <translation>Cet export est déjà en cours de reprise. Le portefeuille la termine dès que la mint répond.</translation>
    </message>
    <message>
        <source>Customer&apos;s token</source>
        <translation>Jeton du client</translation>
    </message>
    <message>
        <source>This token was given to a customer as change or a refund. It is theirs and cannot be taken back.</source>
        <translation>Ce jeton a été remis à un client comme monnaie ou remboursement. Il lui appartient et ne peut pas être repris.</translation>
    </message>
    <message>
        <source>Nothing to close</source>
        <translation>Rien à clôturer</translation>
    </message>
    <message>
        <source>There is nothing to close yet: no sale, payment or wallet change so far.</source>
        <translation>Il n&apos;y a encore rien à clôturer : aucune vente, aucun paiement ni changement du portefeuille jusqu&apos;ici.</translation>
    </message>
    <message>
        <source>No such Z report</source>
        <translation>Rapport Z introuvable</translation>
    </message>
    <message>
        <source>There is no Z report with this number.</source>
        <translation>Il n&apos;y a pas de rapport Z avec ce numéro.</translation>
    </message>
    <message>
        <source>Locked to the recipient</source>
        <translation>Verrouillé pour le destinataire</translation>
    </message>
    <message>
        <source>This export is locked to the recipient&apos;s key: only they can redeem it.</source>
        <translation>Cet export est verrouillé sur la clé du destinataire : lui seul peut l&apos;encaisser.</translation>
    </message>
    <message>
        <source>Fee too high</source>
        <translation>Frais trop élevés</translation>
    </message>
    <message>
        <source>Wrong unit</source>
        <translation>Mauvaise unité</translation>
    </message>
    <message>
        <source>Over the offline limit</source>
        <translation>Au-delà de la limite hors ligne</translation>
    </message>
    <message>
        <source>Above the sale limit</source>
        <translation>Au-delà de la limite par vente</translation>
    </message>
    <message>
        <source>Above today&apos;s limit</source>
        <translation>Au-delà de la limite du jour</translation>
    </message>
    <message>
        <source>Needs a manager</source>
        <translation>Responsable requis</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>Non autorisé</translation>
    </message>
    <message>
        <source>Check the amount</source>
        <translation>Vérifiez le montant</translation>
    </message>
    <message>
        <source>Lightning refused</source>
        <translation>Lightning refusé</translation>
    </message>
    <message>
        <source>This token is locked in a way the shop cannot redeem. Ask the customer for a plain token.</source>
        <translation>Ce jeton est verrouillé d&apos;une façon que le commerce ne peut pas encaisser. Demandez au client un jeton simple.</translation>
    </message>
    <message>
        <source>The mint is offline and this token cannot be accepted without it. Ask for a token locked to the shop, or try again when the mint is back.</source>
        <translation>Le mint est hors ligne et ce jeton ne peut pas être accepté sans lui. Demandez un jeton verrouillé sur le commerce, ou réessayez au retour du mint.</translation>
    </message>
    <message>
        <source>Lightning problem</source>
        <translation>Problème Lightning</translation>
    </message>
    <message>
        <source>The token could not be converted to Lightning now. Ask for ecash from one of the shop&apos;s mints, or try again in a moment.</source>
        <translation>Le jeton n&apos;a pas pu être converti via Lightning pour l&apos;instant. Demandez de l&apos;e-cash d&apos;un des mints du commerce, ou réessayez dans un instant.</translation>
    </message>
    <message>
        <source>Unknown coins</source>
        <translation>Pièces inconnues</translation>
    </message>
    <message>
        <source>The mint does not know the keys of this token. Ask the customer for a new token.</source>
        <translation>Le mint ne connaît pas les clés de ce jeton. Demandez un nouveau jeton au client.</translation>
    </message>
    <message>
        <source>Old coins</source>
        <translation>Anciennes pièces</translation>
    </message>
    <message>
        <source>The mint no longer accepts these coins. Ask the customer for a new token.</source>
        <translation>Le mint n&apos;accepte plus ces pièces. Demandez un nouveau jeton au client.</translation>
    </message>
    <message>
        <source>(Token from {mint}.)</source>
        <translation>(Jeton de {mint}.)</translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation>Non accepté</translation>
    </message>
    <message>
        <source>The token was not accepted.</source>
        <translation>Le jeton n&apos;a pas été accepté.</translation>
    </message>
    <message>
        <source>The sale is marked paid when it goes through.</source>
        <translation>La vente sera marquée payée dès que ce sera fait.</translation>
    </message>
    <message>
        <source>Mint key changed</source>
        <translation>Clé du mint modifiée</translation>
    </message>
    <message>
        <source>Old coins expiring</source>
        <translation>Anciennes pièces bientôt expirées</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>À traiter</translation>
    </message>
    <message>
        <source>Payment needs review</source>
        <translation>Paiement à vérifier</translation>
    </message>
    <message>
        <source>Change not given</source>
        <translation>Monnaie non rendue</translation>
    </message>
    <message>
        <source>Offline payment failed</source>
        <translation>Échec d&apos;un paiement hors ligne</translation>
    </message>
    <message>
        <source>Scheduled export waiting</source>
        <translation>Export planifié en attente</translation>
    </message>
    <message>
        <source>Scheduled export done</source>
        <translation>Export planifié terminé</translation>
    </message>
    <message>
        <source>Scheduled export failed</source>
        <translation>Échec de l&apos;export planifié</translation>
    </message>
    <message>
        <source>Withdrawn to Lightning</source>
        <translation>Versé sur Lightning</translation>
    </message>
    <message>
        <source>Withdrawal not paid</source>
        <translation>Versement non effectué</translation>
    </message>
    <message>
        <source>Withdrawal not proven</source>
        <translation>Versement non prouvé</translation>
    </message>
    <message>
        <source>Old coins not renewed</source>
        <translation>Anciennes pièces non renouvelées</translation>
    </message>
    <message>
        <source>Staff account locked</source>
        <translation>Compte du personnel bloqué</translation>
    </message>
    <message>
        <source>Mint signed wrongly</source>
        <translation>La mint a mal signé</translation>
    </message>
    <message>
        <source>Mint sent bad change</source>
        <translation>La mint a envoyé une monnaie invalide</translation>
    </message>
    <message>
        <source>Webhook disabled</source>
        <translation>Webhook désactivé</translation>
    </message>
    <message>
        <source>Webhook not delivered</source>
        <translation>Webhook non livré</translation>
    </message>
    <message>
        <source>Webhook paused</source>
        <translation>Webhook en pause</translation>
    </message>
    <message>
        <source>{name} typed {failures} wrong PINs in a row and is locked for {minutes} minutes.</source>
        <translation>{name} a saisi {failures} PIN erronés d&apos;affilée et est bloqué pendant {minutes} minutes.</translation>
    </message>
    <message>
        <source>A mint answered with signatures that failed their checks; nothing was credited and the token is being checked again.</source>
        <translation>Une mint a répondu avec des signatures qui ont échoué aux vérifications ; rien n&apos;a été crédité et le jeton est vérifié à nouveau.</translation>
    </message>
    <message>
        <source>{url} paid a Lightning invoice but signed its change wrongly; the change was not kept. Check this mint with its operator.</source>
        <translation>{url} a payé une facture Lightning mais a mal signé la monnaie ; elle n&apos;a pas été conservée. Vérifiez cette mint avec son opérateur.</translation>
    </message>
    <message>
        <source>{url} has not answered for {minutes} minutes.</source>
        <translation>{url} ne répond plus depuis {minutes} minutes.</translation>
    </message>
    <message>
        <source>The public key of {url} changed. This can mean the mint was replaced; check with its operator before accepting more of its tokens.</source>
        <translation>La clé publique de {url} a changé. Le mint a peut-être été remplacé&#xa0;; vérifiez auprès de son exploitant avant d&apos;accepter d&apos;autres jetons de ce mint.</translation>
    </message>
    <message>
        <source>Old coins of {url} expire in {days} days. Swap them or pay them out soon.</source>
        <translation>D&apos;anciennes pièces de {url} expirent dans {days} jours. Échangez-les ou versez-les bientôt.</translation>
    </message>
    <message>
        <source>The folder {folder} is not there (is the USB drive plugged in?). Nothing was exported; the app tries again every {minutes} minutes.</source>
        <translation>Le dossier {folder} est absent (la clé USB est-elle branchée&#xa0;?). Rien n&apos;a été exporté&#xa0;; l&apos;application réessaie toutes les {minutes} minutes.</translation>
    </message>
    <message>
        <source>{files} token file(s), {total}, saved to {folder}.</source>
        <translation>{files} fichier(s) de jetons, {total}, enregistré(s) dans {folder}.</translation>
    </message>
    <message>
        <source>{amount} sat from {url} were paid to the Lightning address (fee {fee} sat).</source>
        <translation>{amount} sat de {url} ont été versés à l&apos;adresse Lightning (frais {fee} sat).</translation>
    </message>
    <message>
        <source>{amount} sat from {url} were paid out, but the payment could not be proven. Check the Lightning wallet.</source>
        <translation>{amount} sat de {url} ont été versés, mais le paiement n&apos;a pas pu être prouvé. Vérifiez le portefeuille Lightning.</translation>
    </message>
    <message>
        <source>A withdrawal of {amount} sat from {url} was not paid: its fees of up to {fee} sat are more than {cap}% of it. Nothing was spent.</source>
        <translation>Un versement de {amount} sat de {url} n&apos;a pas été effectué : ses frais, jusqu&apos;à {fee} sat, dépassent {cap} % du montant. Rien n&apos;a été dépensé.</translation>
    </message>
    <message>
        <source>Automatic withdrawals wait: the threshold of {threshold} sat is below the {minimum} sat the Lightning address accepts. Raise it in Settings.</source>
        <translation>Les versements automatiques attendent : le seuil de {threshold} sat est inférieur aux {minimum} sat minimum acceptés par l&apos;adresse Lightning. Relevez-le dans les Réglages.</translation>
    </message>
    <message>
        <source>{url} answered that it no longer exists (410 Gone): webhooks to it are stopped. Remove it, or resume it once the receiver is back.</source>
        <translation>{url} a répondu qu&apos;il n&apos;existe plus (410 Gone) : les webhooks vers lui sont arrêtés. Supprimez-le, ou reprenez-le quand le destinataire est de retour.</translation>
    </message>
    <message>
        <source>An event ({event}) could not be delivered to {url} after {attempts} attempts. Redeliver it from the delivery history once the receiver works.</source>
        <translation>Un événement ({event}) n&apos;a pas pu être livré à {url} après {attempts} tentatives. Relivrez-le depuis l&apos;historique des livraisons quand le destinataire fonctionne.</translation>
    </message>
    <message>
        <source>Deliveries to {url} have failed for 24 hours. The event being retried keeps trying; the ones after it wait until you resume the endpoint.</source>
        <translation>Les livraisons vers {url} échouent depuis 24 heures. L&apos;événement en cours de nouvelle tentative continue d&apos;essayer ; les suivants attendent que vous repreniez le destinataire.</translation>
    </message>
    <message>
        <source>Coins worth {amount} {unit} at {url} are on old keys. Renewing them costs {fee} {unit}, above the limit of {cap}; they were left as they are.</source>
        <translation>Des pièces d&apos;une valeur de {amount} {unit} chez {url} sont sur d&apos;anciennes clés. Les renouveler coûte {fee} {unit}, au-delà de la limite de {cap} ; elles restent telles quelles.</translation>
    </message>
    <message>
        <source>(Sale {id}.)</source>
        <translation>(Vente {id}.)</translation>
    </message>
</context>
<context>
    <name>receipt</name>
    <message>
        <source>ecash</source>
        <translation>ecash</translation>
    </message>
    <message>
        <source>ecash to Lightning</source>
        <translation>ecash vers Lightning</translation>
    </message>
    <message>
        <source>ecash (converted)</source>
        <translation>ecash (converti)</translation>
    </message>
    <message>
        <source>VAT no. {number}</source>
        <translation>N° TVA {number}</translation>
    </message>
    <message>
        <source>TRAINING - NOT A RECEIPT</source>
        <translation>FORMATION - PAS UN REÇU</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>TVA</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>HT</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Taxe</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>TTC</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Vente</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Payé</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Taux</translation>
    </message>
    <message>
        <source>Service fee</source>
        <translation>Frais de service</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Frais</translation>
    </message>
    <message>
        <source>Paid with</source>
        <translation>Payé par</translation>
    </message>
    <message>
        <source>Mint</source>
        <translation>Mint</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Monnaie</translation>
    </message>
    <message>
        <source>Overpaid, kept</source>
        <translation>Trop-perçu, conservé</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Remboursé</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>PAID</source>
        <translation>PAYÉ</translation>
    </message>
    <message>
        <source>PARTIALLY PAID</source>
        <translation>PAYÉ EN PARTIE</translation>
    </message>
    <message>
        <source>REFUNDED</source>
        <translation>REMBOURSÉ</translation>
    </message>
    <message>
        <source>PARTIALLY REFUNDED</source>
        <translation>PARTIELLEMENT REMBOURSÉ</translation>
    </message>
    <message>
        <source>{state} · Sale {id}</source>
        <translation>{state} · Vente {id}</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Sous-total</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Remise</translation>
    </message>
    <message>
        <source>Tip</source>
        <translation>Pourboire</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>Imprimer le reçu</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>In part</source>
        <translation>En partie</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Pas encore</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Remboursement</translation>
    </message>
    <message>
        <source>Of sale</source>
        <translation>De la vente</translation>
    </message>
    <message>
        <source>Sale date</source>
        <translation>Date de la vente</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>Encaissé</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>REFUND · Refund {id}</source>
        <translation>REMBOURSEMENT · Remboursement {id}</translation>
    </message>
    <message>
        <source>REFUND</source>
        <translation>REMBOURSEMENT</translation>
    </message>
</context>
</TS>
