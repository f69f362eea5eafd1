<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name></name>
    <message>
        <source>The mint refused the token</source>
        <translation>El mint rechazó el token</translation>
    </message>
    <message>
        <source>The sale was counted as paid offline, but the money never arrived: contact the customer or write it off, then Dismiss.</source>
        <translation>La venta se contó como pagada sin conexión, pero el dinero nunca llegó: contacte al cliente o dela por perdida y luego Cerrar.</translation>
    </message>
    <message>
        <source>The sale is not paid: ask the customer to pay again; if the goods have left, the amount is lost. Dismiss once it is settled.</source>
        <translation>La venta no está pagada: pida al cliente que pague de nuevo; si la mercancía ya salió, el importe se ha perdido. Cierre cuando esté resuelto.</translation>
    </message>
    <message>
        <source>Cancelled after {paid} was paid</source>
        <translation>Cancelada tras pagarse {paid}</translation>
    </message>
    <message>
        <source>Expired after {paid} was paid</source>
        <translation>Caducada tras pagarse {paid}</translation>
    </message>
    <message>
        <source>Give it back: Refund makes a token (QR code and file); Dismiss if you refunded it another way.</source>
        <translation>A devolver: Reembolsar crea un token (código QR y archivo); Cerrar si lo reembolsó de otra forma.</translation>
    </message>
    <message>
        <source>Token redeem</source>
        <translation>Cobro de token</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportación</translation>
    </message>
    <message>
        <source>Lightning payout</source>
        <translation>Pago por Lightning</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restauración</translation>
    </message>
    <message>
        <source>Mint</source>
        <translation>Mint</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Pago</translation>
    </message>
    <message>
        <source>Refund owed</source>
        <translation>Reembolso pendiente</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abierta</translation>
    </message>
    <message>
        <source>Partly paid</source>
        <translation>Pagada en parte</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Pagada</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Caducada</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Settled</source>
        <translation>Liquidado</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rechazado</translation>
    </message>
    <message>
        <source>Recovering</source>
        <translation>Reintentando</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallido</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Por revisar</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>Descartado</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Recovered</source>
        <translation>Recuperado</translation>
    </message>
    <message>
        <source>Partly refunded</source>
        <translation>Reembolsado en parte</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Reembolsado</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>Canjeado</translation>
    </message>
    <message>
        <source>Partly claimed</source>
        <translation>Canjeado en parte</translation>
    </message>
    <message>
        <source>Being made</source>
        <translation>En preparación</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>{n} s ago</source>
        <translation>hace {n} s</translation>
    </message>
    <message>
        <source>{n} min ago</source>
        <translation>hace {n} min</translation>
    </message>
    <message>
        <source>{n} h ago</source>
        <translation>hace {n} h</translation>
    </message>
    <message>
        <source>Camera {n}</source>
        <translation>Cámara {n}</translation>
    </message>
    <message>
        <source>Video file…</source>
        <translation>Archivo de vídeo…</translation>
    </message>
    <message>
        <source>Choose a video file</source>
        <translation>Elegir un archivo de vídeo</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.avi *.mkv *.mov *.webm);;All files (*)</source>
        <translation>Vídeos (*.mp4 *.avi *.mkv *.mov *.webm);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <source>Screen {n} (not connected)</source>
        <translation>Pantalla {n} (no conectada)</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(sin nombre)</translation>
    </message>
    <message>
        <source>Units: {units}</source>
        <translation>Unidades: {units}</translation>
    </message>
    <message>
        <source>Technical: Cashu NUTs {list}</source>
        <translation>Técnico: NUT de Cashu {list}</translation>
    </message>
    <message>
        <source>Has everything a shop needs</source>
        <translation>Tiene todo lo que necesita una tienda</translation>
    </message>
    <message>
        <source>This mint lacks:</source>
        <translation>A este mint le falta:</translation>
    </message>
    <message>
        <source>Works, but this mint cannot do: {what}</source>
        <translation>Funciona, pero este mint no puede: {what}</translation>
    </message>
    <message>
        <source>Trusted mints only</source>
        <translation>Solo mints de confianza</translation>
    </message>
    <message>
        <source>Tokens from trusted mints are accepted and kept; any other token is refused.</source>
        <translation>Los tokens de mints de confianza se aceptan y se guardan; los demás se rechazan.</translation>
    </message>
    <message>
        <source>Keep trusted, pay out the rest</source>
        <translation>Guardar los de confianza, pagar el resto</translation>
    </message>
    <message>
        <source>Tokens from trusted mints are kept; others are paid to the Lightning address.</source>
        <translation>Los tokens de mints de confianza se guardan; los demás se pagan a la dirección Lightning.</translation>
    </message>
    <message>
        <source>Pay out everything</source>
        <translation>Pagar todo</translation>
    </message>
    <message>
        <source>Every token is paid to the Lightning address at once; the shop keeps no ecash.</source>
        <translation>Cada token se paga al momento a la dirección Lightning; la tienda no guarda e-cash.</translation>
    </message>
    <message>
        <source>name@example.com or https://… (LNURL-pay)</source>
        <translation>nombre@example.com o https://… (LNURL-pay)</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Activado</translation>
    </message>
    <message>
        <source>Address (https://…)</source>
        <translation>Dirección (https://…)</translation>
    </message>
    <message>
        <source>Path to the price</source>
        <translation>Ruta al precio</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <source>Add source</source>
        <translation>Añadir fuente</translation>
    </message>
    <message>
        <source>Remove source</source>
        <translation>Quitar fuente</translation>
    </message>
    <message>
        <source>Name or code, such as EUR</source>
        <translation>Nombre o código, p. ej. EUR</translation>
    </message>
</context>
<context>
    <name>ActivityPage</name>
    <message>
        <source>Activity</source>
        <translation>Actividad</translation>
    </message>
    <message>
        <source>Show all sales</source>
        <translation>Mostrar todas las ventas</translation>
    </message>
    <message>
        <source>Details (Enter)</source>
        <translation>Detalles (Intro)</translation>
    </message>
    <message>
        <source>Paid in {slice}</source>
        <translation>Pagadas en {slice}</translation>
    </message>
    <message>
        <source>1 matching sale</source>
        <translation>1 venta coincidente</translation>
    </message>
    <message>
        <source>1 sale</source>
        <translation>1 venta</translation>
    </message>
    <message>
        <source>{n} matching sales</source>
        <translation>{n} ventas coincidentes</translation>
    </message>
    <message>
        <source>{n} sales</source>
        <translation>{n} ventas</translation>
    </message>
    <message>
        <source>No sales match these filters.</source>
        <translation>Ninguna venta coincide con estos filtros.</translation>
    </message>
    <message>
        <source>No sales yet.</source>
        <translation>Todavía no hay ventas.</translation>
    </message>
    <message>
        <source>1 needs attention</source>
        <translation>1 requiere atención</translation>
    </message>
    <message>
        <source>{n} need attention</source>
        <translation>{n} requieren atención</translation>
    </message>
</context>
<context>
    <name>AddMintDialog</name>
    <message>
        <source>Add a mint</source>
        <translation>Añadir un mint</translation>
    </message>
    <message>
        <source>Trusted: accept this mint&apos;s tokens as payment</source>
        <translation>De confianza: aceptar los tokens de este mint como pago</translation>
    </message>
    <message>
        <source>Add mint</source>
        <translation>Añadir mint</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Type the mint&apos;s address and press Check. The app asks the mint what it supports before it is added.</source>
        <translation>Escriba la dirección del mint y pulse Comprobar. La app pregunta al mint qué admite antes de añadirlo.</translation>
    </message>
    <message>
        <source>Adding…</source>
        <translation>Añadiendo…</translation>
    </message>
</context>
<context>
    <name>AllOfflinePrompt</name>
    <message>
        <source>Show the request anyway</source>
        <translation>Mostrar la solicitud de todos modos</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Ahora no</translation>
    </message>
</context>
<context>
    <name>AnalyticsPage</name>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Ayer</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Esta semana</translation>
    </message>
    <message>
        <source>Last week</source>
        <translation>La semana pasada</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Este mes</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>El mes pasado</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Periodo personalizado</translation>
    </message>
    <message>
        <source>Ecash kept (swap)</source>
        <translation>Ecash conservado (swap)</translation>
    </message>
    <message>
        <source>Paid out to Lightning (melt)</source>
        <translation>Pagado a Lightning (melt)</translation>
    </message>
    <message>
        <source>Accepted offline</source>
        <translation>Aceptado sin conexión</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>lun</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>mar</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>mié</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>jue</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>vie</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>sáb</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>dom</translation>
    </message>
    <message>
        <source>Analytics</source>
        <translation>Estadísticas</translation>
    </message>
    <message>
        <source>Refresh (Ctrl+R)</source>
        <translation>Actualizar (Ctrl+R)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>End of day…</source>
        <translation>Cierre del día…</translation>
    </message>
    <message>
        <source>X report, closing the day (Z report), Z reports</source>
        <translation>Informe X, cierre del día (informe Z), informes Z</translation>
    </message>
    <message>
        <source>Gross sales</source>
        <translation>Ventas brutas</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Ventas</translation>
    </message>
    <message>
        <source>Average ticket</source>
        <translation>Ticket medio</translation>
    </message>
    <message>
        <source>Fees paid (mint / Lightning)</source>
        <translation>Comisiones pagadas (mint / Lightning)</translation>
    </message>
    <message>
        <source>Fee advance collected</source>
        <translation>Anticipo de comisión cobrado</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Requiere revisión</translation>
    </message>
    <message>
        <source>Payments that went through</source>
        <translation>Pagos completados</translation>
    </message>
    <message>
        <source>Refused payments</source>
        <translation>Pagos rechazados</translation>
    </message>
    <message>
        <source>Tips (not in the sales)</source>
        <translation>Propinas (fuera de las ventas)</translation>
    </message>
    <message>
        <source>VAT collected</source>
        <translation>IVA recaudado</translation>
    </message>
    <message>
        <source>Mint</source>
        <translation>Mint</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Pagos</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Proporción</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Método</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Neto</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>IVA</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>Bruto</translation>
    </message>
    <message>
        <source>Sales over time</source>
        <translation>Ventas a lo largo del tiempo</translation>
    </message>
    <message>
        <source>Show the amounts in sat or in the shop currency</source>
        <translation>Importes en sat o en la moneda de la tienda</translation>
    </message>
    <message>
        <source>Fees over time</source>
        <translation>Comisiones en el tiempo</translation>
    </message>
    <message>
        <source>Payments that went through, over time</source>
        <translation>Pagos completados en el tiempo</translation>
    </message>
    <message>
        <source>Money received by mint</source>
        <translation>Dinero recibido por mint</translation>
    </message>
    <message>
        <source>Sales by weekday and hour</source>
        <translation>Ventas por día de la semana y hora</translation>
    </message>
    <message>
        <source>Number of sales</source>
        <translation>Número de ventas</translation>
    </message>
    <message>
        <source>Revenue (sat)</source>
        <translation>Ingresos (sat)</translation>
    </message>
    <message>
        <source>Click a bar to list its sales in Activity</source>
        <translation>Haga clic en una barra para ver sus ventas en Actividad</translation>
    </message>
    <message>
        <source>Click a cell to list its sales in Activity</source>
        <translation>Haga clic en una celda para ver sus ventas en Actividad</translation>
    </message>
    <message>
        <source>Over time</source>
        <translation>En el tiempo</translation>
    </message>
    <message>
        <source>Weekday and hour</source>
        <translation>Día y hora</translation>
    </message>
    <message>
        <source>Mints over time</source>
        <translation>Mints en el tiempo</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Comisiones</translation>
    </message>
    <message>
        <source>Success rate</source>
        <translation>Tasa de éxito</translation>
    </message>
    <message>
        <source>By mint</source>
        <translation>Por mint</translation>
    </message>
    <message>
        <source>By method</source>
        <translation>Por método</translation>
    </message>
    <message>
        <source>Refused, by reason</source>
        <translation>Rechazados, por motivo</translation>
    </message>
    <message>
        <source>VAT by rate</source>
        <translation>IVA por tipo</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Calculando…</translation>
    </message>
    <message>
        <source>{first} to {last} ({zone}), compared with the period before</source>
        <translation>Del {first} al {last} ({zone}), comparado con el periodo anterior</translation>
    </message>
    <message>
        <source>{sat} in all ({change})</source>
        <translation>{sat} en total ({change})</translation>
    </message>
    <message>
        <source>{settled} of {attempts} payments</source>
        <translation>{settled} de {attempts} pagos</translation>
    </message>
    <message>
        <source>{sat} in all</source>
        <translation>{sat} en total</translation>
    </message>
    <message>
        <source>{rates} rate(s): see VAT by rate</source>
        <translation>{rates} tipo(s): ver IVA por tipo</translation>
    </message>
    <message>
        <source>Mint fees</source>
        <translation>Comisiones de mint</translation>
    </message>
    <message>
        <source>Lightning fees</source>
        <translation>Comisiones Lightning</translation>
    </message>
    <message>
        <source>sales</source>
        <translation>ventas</translation>
    </message>
    <message>
        <source>{day} {hour}:00–{hour}:59, {first} to {last} ({zone})</source>
        <translation>{day} {hour}:00–{hour}:59, del {first} al {last} ({zone})</translation>
    </message>
    <message>
        <source>No reason recorded</source>
        <translation>Sin motivo registrado</translation>
    </message>
</context>
<context>
    <name>ApiAccessPanel</name>
    <message>
        <source>The API is served without encryption on the network: API keys and payments can be read by anyone on it.</source>
        <translation>La API se sirve sin cifrado en la red: cualquiera en ella puede leer las claves de API y los pagos.</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Blocked until</source>
        <translation>Bloqueada hasta</translation>
    </message>
    <message>
        <source>Wrong keys</source>
        <translation>Claves erróneas</translation>
    </message>
    <message>
        <source>Unblock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Addresses blocked after repeated wrong keys</source>
        <translation>Direcciones bloqueadas tras claves erróneas repetidas</translation>
    </message>
    <message>
        <source>Served at {url}.</source>
        <translation>Servida en {url}.</translation>
    </message>
    <message>
        <source>Certificate fingerprint (SHA-256), to pin in the clients: {fingerprint}</source>
        <translation>Huella del certificado (SHA-256), para fijarla en los clientes: {fingerprint}</translation>
    </message>
    <message>
        <source>{address} may call the API again.</source>
        <translation>{address} puede volver a llamar a la API.</translation>
    </message>
</context>
<context>
    <name>ApiKeysPanel</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Permisos</translation>
    </message>
    <message>
        <source>Starts with</source>
        <translation>Empieza por</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Último uso</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Revocar</translation>
    </message>
    <message>
        <source>Who uses it: web shop, kiosk…</source>
        <translation>Quién la usa: tienda en línea, quiosco…</translation>
    </message>
    <message>
        <source>Last day (YYYY-MM-DD), or empty: no end</source>
        <translation>Último día (AAAA-MM-DD), o vacío: sin fin</translation>
    </message>
    <message>
        <source>Make key</source>
        <translation>Crear clave</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>The new key, shown once:</source>
        <translation>La nueva clave, mostrada una sola vez:</translation>
    </message>
    <message>
        <source>revoked {when}</source>
        <translation>revocada {when}</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>caducada</translation>
    </message>
    <message>
        <source>active until {day}</source>
        <translation>activa hasta el {day}</translation>
    </message>
    <message>
        <source>active</source>
        <translation>activa</translation>
    </message>
    <message>
        <source>Type the last day as 2027-06-30, or leave it empty.</source>
        <translation>Escriba el último día como 2027-06-30, o déjelo vacío.</translation>
    </message>
    <message>
        <source>Key {name} made. Copy it now: it is not shown again.</source>
        <translation>Clave {name} creada. Cópiela ahora: no se volverá a mostrar.</translation>
    </message>
    <message>
        <source>Revoke key</source>
        <translation>Revocar la clave</translation>
    </message>
    <message>
        <source>Revoke {name}? Whatever uses it stops working at once.</source>
        <translation>¿Revocar {name}? Lo que la use deja de funcionar al instante.</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Conservarla</translation>
    </message>
    <message>
        <source>Key {name} revoked.</source>
        <translation>Clave {name} revocada.</translation>
    </message>
</context>
<context>
    <name>AttentionModel</name>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <source>Next retry</source>
        <translation>Próximo intento</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Venta</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
</context>
<context>
    <name>AttentionPanel</name>
    <message>
        <source>Needs attention</source>
        <translation>Requiere atención</translation>
    </message>
    <message>
        <source>Nothing needs attention.</source>
        <translation>Nada requiere atención.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Dismiss…</source>
        <translation>Descartar…</translation>
    </message>
    <message>
        <source>Sale details</source>
        <translation>Detalles de la venta</translation>
    </message>
    <message>
        <source>Accept…</source>
        <translation>Aceptar…</translation>
    </message>
    <message>
        <source>Credit this payment to its sale</source>
        <translation>Abonar este pago a su venta</translation>
    </message>
    <message>
        <source>Refund…</source>
        <translation>Reembolsar…</translation>
    </message>
    <message>
        <source>Give the paid amount back as a token</source>
        <translation>Devolver el importe pagado como token</translation>
    </message>
    <message>
        <source>Needs attention ({count})</source>
        <translation>Requiere atención ({count})</translation>
    </message>
    <message>
        <source>Trying again…</source>
        <translation>Reintentando…</translation>
    </message>
    <message>
        <source>Refund token made: {amount}.</source>
        <translation>Token de reembolso creado: {amount}.</translation>
    </message>
    <message>
        <source>Saving your decision…</source>
        <translation>Guardando su decisión…</translation>
    </message>
    <message>
        <source>Accept the payment</source>
        <translation>Aceptar el pago</translation>
    </message>
    <message>
        <source>Reject the payment</source>
        <translation>Rechazar el pago</translation>
    </message>
    <message>
        <source>Accepted: credited to the sale.</source>
        <translation>Aceptado: abonado a la venta.</translation>
    </message>
    <message>
        <source>Rejected.</source>
        <translation>Rechazado.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Record the refund</source>
        <translation>Registrar el reembolso</translation>
    </message>
    <message>
        <source>Recorded as refunded.</source>
        <translation>Registrado como reembolsado.</translation>
    </message>
    <message>
        <source>Dismissing…</source>
        <translation>Descartando…</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Dismissed.</source>
        <translation>Descartado.</translation>
    </message>
    <message>
        <source>Finished: {amount} recovered.</source>
        <translation>Hecho: {amount} recuperados.</translation>
    </message>
    <message>
        <source>The mint is still working on it. Try again later.</source>
        <translation>El mint todavía está en ello. Vuelva a intentarlo más tarde.</translation>
    </message>
    <message>
        <source>Not yet: {reason}. The app keeps the token and will try again.</source>
        <translation>Todavía no: {reason}. La app guarda el token y volverá a intentarlo.</translation>
    </message>
    <message>
        <source>It could not be finished: {reason}.</source>
        <translation>No se pudo terminar: {reason}.</translation>
    </message>
    <message>
        <source>Nothing left to do.</source>
        <translation>No queda nada por hacer.</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Audit log</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>Action, or a family such as melt.</source>
        <translation>Acción, o una familia como melt.</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>Check the log</source>
        <translation>Comprobar el registro</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>The log holds: {n} entries, none changed, removed or added.</source>
        <translation>El registro contiene {n} entradas, ninguna modificada, eliminada ni añadida.</translation>
    </message>
    <message>
        <source>Last entry #{id}, {chain}.</source>
        <translation>Última entrada n.º {id}, {chain}.</translation>
    </message>
    <message>
        <source>Entry #{id} does not follow the one before it: the log was changed there (an entry edited, removed or added outside the app).</source>
        <translation>La entrada n.º {id} no sigue a la anterior: el registro se modificó ahí (una entrada editada, eliminada o añadida fuera de la aplicación).</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Exportar el registro de auditoría</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Saved: {name}</source>
        <translation>Guardado: {name}</translation>
    </message>
</context>
<context>
    <name>BasketPanel</name>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Vaciar</translation>
    </message>
    <message>
        <source>Add amount as line</source>
        <translation>Importe como línea</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Descuento</translation>
    </message>
    <message>
        <source>Line discount</source>
        <translation>Descuento línea</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Artículos</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Discount on %1</source>
        <translation>Descuento en %1</translation>
    </message>
    <message>
        <source>Discount %1: -%2</source>
        <translation>Descuento %1: -%2</translation>
    </message>
    <message>
        <source>The discount is more than the basket: change it.</source>
        <translation>El descuento supera la cesta: cámbielo.</translation>
    </message>
    <message>
        <source>Total: %1 %2</source>
        <translation>Total: %1 %2</translation>
    </message>
</context>
<context>
    <name>BulkExportDialog</name>
    <message>
        <source>Export everything</source>
        <translation>Exportar todo</translation>
    </message>
    <message>
        <source>Export everything to a folder</source>
        <translation>Exportar todo a una carpeta</translation>
    </message>
    <message>
        <source>Each mint&apos;s ecash is saved as one token file, with a list of the files (manifest) beside them. Whoever has the files can spend the ecash: keep the drive safe.</source>
        <translation>El ecash de cada mint se guarda en un archivo de token, con una lista de los archivos (manifiesto) al lado. Quien tenga los archivos puede gastar el ecash: guarde la unidad en un lugar seguro.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Looking for a USB drive…</source>
        <translation>Buscando una unidad USB…</translation>
    </message>
    <message>
        <source>Only mints holding at least</source>
        <translation>Solo las mints con al menos</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>USB drive found: {path}</source>
        <translation>Unidad USB encontrada: {path}</translation>
    </message>
    <message>
        <source>No USB drive found: the files go to this folder.</source>
        <translation>No se encontró ninguna unidad USB: los archivos van a esta carpeta.</translation>
    </message>
    <message>
        <source>Export to folder</source>
        <translation>Exportar a una carpeta</translation>
    </message>
    <message>
        <source>Choose a folder first.</source>
        <translation>Elija primero una carpeta.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message>
        <source>Done: {n} file(s) written and synced.</source>
        <translation>Listo: {n} archivo(s) escrito(s) y sincronizado(s).</translation>
    </message>
    <message>
        <source>Manifest: {path}</source>
        <translation>Manifiesto: {path}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>CameraTestPage</name>
    <message>
        <source>Camera test</source>
        <translation>Prueba de la cámara</translation>
    </message>
    <message>
        <source>The camera reads the customers&apos; ecash. Hold a QR code in front of it: this page&apos;s code photographed with a phone, or any other.</source>
        <translation>La cámara lee el ecash de los clientes. Ponga un código QR delante: el de esta página, fotografiado con un teléfono, u otro cualquiera.</translation>
    </message>
    <message>
        <source>The test code</source>
        <translation>El código de prueba</translation>
    </message>
    <message>
        <source>No camera yet? Go on: the till also takes pasted tokens, and the camera can be chosen later in Settings, Devices.</source>
        <translation>¿Aún sin cámara? Siga: la caja también acepta tokens pegados, y la cámara se elige más tarde en Ajustes, Dispositivos.</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>Iniciando la cámara…</translation>
    </message>
    <message>
        <source>Looking for a code…</source>
        <translation>Buscando un código…</translation>
    </message>
    <message>
        <source>The camera read the test code: it is ready.</source>
        <translation>La cámara leyó el código de prueba: está lista.</translation>
    </message>
    <message>
        <source>The camera read a code ({text}): it is ready.</source>
        <translation>La cámara leyó un código ({text}): está lista.</translation>
    </message>
    <message>
        <source>No picture</source>
        <translation>Sin imagen</translation>
    </message>
    <message>
        <source>The camera could not be used: {error} Choose another camera, or go on and test it later.</source>
        <translation>No se pudo usar la cámara: {error} Elija otra cámara, o siga y pruébela más tarde.</translation>
    </message>
    <message>
        <source>Camera: {name}, read a code</source>
        <translation>Cámara: {name}, leyó un código</translation>
    </message>
    <message>
        <source>Camera: {name}, could not be opened (test it later)</source>
        <translation>Cámara: {name}, no se pudo abrir (pruébela más tarde)</translation>
    </message>
    <message>
        <source>Camera: {name}, not tested</source>
        <translation>Cámara: {name}, sin probar</translation>
    </message>
</context>
<context>
    <name>CameraView</name>
    <message>
        <source>Starting the camera…</source>
        <translation>Iniciando la cámara…</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <source>Table</source>
        <translation>Tabla</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
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
        <translation>Compruebe su copia</translation>
    </message>
    <message>
        <source>Type these words from your paper, to make sure it is right.</source>
        <translation>Escriba estas palabras desde su papel, para asegurarse de que es correcto.</translation>
    </message>
    <message>
        <source>Word #{n}</source>
        <translation>Palabra n.º {n}</translation>
    </message>
    <message>
        <source>This is not word #{n}. Check your paper.</source>
        <translation>Esta no es la palabra n.º {n}. Revise su papel.</translation>
    </message>
</context>
<context>
    <name>CoreFormDialog</name>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>Countdown</name>
    <message>
        <source>Price locked for {left}</source>
        <translation>Precio fijado durante {left}</translation>
    </message>
    <message>
        <source>Price lock ended</source>
        <translation>Precio fijado terminado</translation>
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
        <translation>Dólar estadounidense</translation>
    </message>
    <message>
        <source>British pound</source>
        <translation>Libra esterlina</translation>
    </message>
    <message>
        <source>Swiss franc</source>
        <translation>Franco suizo</translation>
    </message>
    <message>
        <source>Japanese yen</source>
        <translation>Yen japonés</translation>
    </message>
    <message>
        <source>Canadian dollar</source>
        <translation>Dólar canadiense</translation>
    </message>
    <message>
        <source>Australian dollar</source>
        <translation>Dólar australiano</translation>
    </message>
    <message>
        <source>New Zealand dollar</source>
        <translation>Dólar neozelandés</translation>
    </message>
    <message>
        <source>Swedish krona</source>
        <translation>Corona sueca</translation>
    </message>
    <message>
        <source>Norwegian krone</source>
        <translation>Corona noruega</translation>
    </message>
    <message>
        <source>Danish krone</source>
        <translation>Corona danesa</translation>
    </message>
    <message>
        <source>Polish zloty</source>
        <translation>Esloti polaco</translation>
    </message>
    <message>
        <source>Czech koruna</source>
        <translation>Corona checa</translation>
    </message>
    <message>
        <source>Hungarian forint</source>
        <translation>Forinto húngaro</translation>
    </message>
    <message>
        <source>Romanian leu</source>
        <translation>Leu rumano</translation>
    </message>
    <message>
        <source>Turkish lira</source>
        <translation>Lira turca</translation>
    </message>
    <message>
        <source>Ukrainian hryvnia</source>
        <translation>Grivna ucraniana</translation>
    </message>
    <message>
        <source>Mexican peso</source>
        <translation>Peso mexicano</translation>
    </message>
    <message>
        <source>Brazilian real</source>
        <translation>Real brasileño</translation>
    </message>
    <message>
        <source>Argentine peso</source>
        <translation>Peso argentino</translation>
    </message>
    <message>
        <source>Chilean peso</source>
        <translation>Peso chileno</translation>
    </message>
    <message>
        <source>Colombian peso</source>
        <translation>Peso colombiano</translation>
    </message>
    <message>
        <source>Peruvian sol</source>
        <translation>Sol peruano</translation>
    </message>
    <message>
        <source>South African rand</source>
        <translation>Rand sudafricano</translation>
    </message>
    <message>
        <source>Nigerian naira</source>
        <translation>Naira nigeriano</translation>
    </message>
    <message>
        <source>Kenyan shilling</source>
        <translation>Chelín keniano</translation>
    </message>
    <message>
        <source>Indian rupee</source>
        <translation>Rupia india</translation>
    </message>
    <message>
        <source>Chinese yuan</source>
        <translation>Yuan chino</translation>
    </message>
    <message>
        <source>Hong Kong dollar</source>
        <translation>Dólar de Hong Kong</translation>
    </message>
    <message>
        <source>Singapore dollar</source>
        <translation>Dólar de Singapur</translation>
    </message>
    <message>
        <source>South Korean won</source>
        <translation>Won surcoreano</translation>
    </message>
    <message>
        <source>Thai baht</source>
        <translation>Baht tailandés</translation>
    </message>
    <message>
        <source>Philippine peso</source>
        <translation>Peso filipino</translation>
    </message>
    <message>
        <source>Indonesian rupiah</source>
        <translation>Rupia indonesia</translation>
    </message>
    <message>
        <source>UAE dirham</source>
        <translation>Dírham de los EAU</translation>
    </message>
    <message>
        <source>Israeli shekel</source>
        <translation>Séquel israelí</translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <source>Customer display</source>
        <translation>Pantalla del cliente</translation>
    </message>
    <message>
        <source>TRAINING - practice only, do not pay</source>
        <translation>FORMACIÓN - solo para practicar, no pague</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Bienvenido</translation>
    </message>
    <message>
        <source>Your basket</source>
        <translation>Su cesta</translation>
    </message>
    <message>
        <source>Scan with your Cashu wallet, or show your token to the camera.</source>
        <translation>Escanee con su monedero Cashu o muestre su token a la cámara.</translation>
    </message>
    <message>
        <source>Checking your payment…</source>
        <translation>Comprobando su pago…</translation>
    </message>
    <message>
        <source>Paid, thank you</source>
        <translation>Pagado, gracias</translation>
    </message>
    <message>
        <source>Thank you. {left} still to pay: please show another token.</source>
        <translation>Gracias. Faltan {left}: muestre otro token, por favor.</translation>
    </message>
    <message>
        <source>This token was not accepted. Please show another one.</source>
        <translation>Este token no se aceptó. Muestre otro, por favor.</translation>
    </message>
    <message>
        <source>Your token was received. The shop confirms it shortly.</source>
        <translation>Su token se ha recibido. La tienda lo confirmará enseguida.</translation>
    </message>
    <message>
        <source>Please wait: the cashier is checking your payment.</source>
        <translation>Espere: el cajero está comprobando su pago.</translation>
    </message>
    <message>
        <source>Your token could not be redeemed. Please pay again.</source>
        <translation>Su token no se pudo canjear. Por favor, pague de nuevo.</translation>
    </message>
    <message>
        <source>This price has expired. The cashier starts a new sale.</source>
        <translation>Este precio ha caducado. El cajero inicia una nueva venta.</translation>
    </message>
    <message>
        <source>Your change: scan it with your wallet</source>
        <translation>Su cambio: escanéelo con su monedero</translation>
    </message>
</context>
<context>
    <name>CustomerWalletWindow</name>
    <message>
        <source>Customer wallet - TRAINING</source>
        <translation>Monedero del cliente - FORMACIÓN</translation>
    </message>
    <message>
        <source>TRAINING - the customer&apos;s phone, play money</source>
        <translation>FORMACIÓN - el teléfono del cliente, dinero de juego</translation>
    </message>
    <message>
        <source>Pay: show a QR code</source>
        <translation>Pagar: mostrar un código QR</translation>
    </message>
    <message>
        <source>Pay: show an animated QR</source>
        <translation>Pagar: mostrar un QR animado</translation>
    </message>
    <message>
        <source>Copy the token</source>
        <translation>Copiar el token</translation>
    </message>
    <message>
        <source>The same token again</source>
        <translation>El mismo token otra vez</translation>
    </message>
    <message>
        <source>1 sat too little</source>
        <translation>1 sat de menos</translation>
    </message>
    <message>
        <source>From an unknown mint</source>
        <translation>De una mint desconocida</translation>
    </message>
    <message>
        <source>Mint down 1 minute</source>
        <translation>Mint caída 1 minuto</translation>
    </message>
    <message>
        <source>The till&apos;s camera sees this screen</source>
        <translation>La cámara de la caja ve esta pantalla</translation>
    </message>
    <message>
        <source>Practise a problem</source>
        <translation>Practicar un problema</translation>
    </message>
    <message>
        <source>No sale at the till: type an amount there and Charge.</source>
        <translation>No hay venta en la caja: escriba allí un importe y Cobrar.</translation>
    </message>
    <message>
        <source>The till asks for {due} sat.</source>
        <translation>La caja pide {due} sat.</translation>
    </message>
    <message>
        <source>Mint back in {s} s</source>
        <translation>Mint de vuelta en {s} s</translation>
    </message>
    <message>
        <source>Paying…</source>
        <translation>Pagando…</translation>
    </message>
    <message>
        <source>The customer&apos;s wallet cannot reach the training mint (is it stopped?).</source>
        <translation>El monedero del cliente no alcanza la mint de formación (¿está detenida?).</translation>
    </message>
    <message>
        <source>Showing the token as an animated code: hold it up to the till.</source>
        <translation>Se muestra el token como código animado: acérquelo a la caja.</translation>
    </message>
    <message>
        <source>Showing the token: hold it up to the till.</source>
        <translation>Se muestra el token: acérquelo a la caja.</translation>
    </message>
    <message>
        <source>Token copied: paste it at the till.</source>
        <translation>Token copiado: péguelo en la caja.</translation>
    </message>
    <message>
        <source>The training mint is stopped. The till keeps a token it cannot redeem now and redeems it when the mint is back.</source>
        <translation>La mint de formación está detenida. La caja guarda un token que ahora no puede canjear y lo canjea cuando vuelva la mint.</translation>
    </message>
    <message>
        <source>The training mint is back.</source>
        <translation>La mint de formación ha vuelto.</translation>
    </message>
</context>
<context>
    <name>DeliveryDialog</name>
    <message>
        <source>Webhook delivery {id}</source>
        <translation>Entrega de webhook {id}</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>The receiver sent no answer body.</source>
        <translation>El receptor no envió cuerpo de respuesta.</translation>
    </message>
    <message>
        <source>Redeliver</source>
        <translation>Reenviar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>What the receiver answered (first 2 kB)</source>
        <translation>Lo que respondió el receptor (primeros 2 kB)</translation>
    </message>
    <message>
        <source>Event: {type}</source>
        <translation>Evento: {type}</translation>
    </message>
    <message>
        <source>State: {state}, {attempts} attempt(s)</source>
        <translation>Estado: {state}, {attempts} intento(s)</translation>
    </message>
    <message>
        <source>Next attempt: {when}</source>
        <translation>Próximo intento: {when}</translation>
    </message>
    <message>
        <source>Delivered: {when}</source>
        <translation>Entregado: {when}</translation>
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
        <translation>Descuento</translation>
    </message>
    <message>
        <source>10% or 2.50</source>
        <translation>10% o 2.50</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
</context>
<context>
    <name>DismissDialog</name>
    <message>
        <source>Accept payment</source>
        <translation>Aceptar el pago</translation>
    </message>
    <message>
        <source>The payment ({amount}) will be credited to its sale. Why do you accept it?</source>
        <translation>El pago ({amount}) se abonará a su venta. ¿Por qué lo acepta?</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <source>Refunded another way</source>
        <translation>Reembolsado de otra forma</translation>
    </message>
    <message>
        <source>The refund of {amount} is recorded as given, and leaves the list. How was the customer refunded?</source>
        <translation>El reembolso de {amount} se registra como hecho y sale de la lista. ¿Cómo se reembolsó al cliente?</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registrar</translation>
    </message>
    <message>
        <source>Close failed payment</source>
        <translation>Cerrar el pago fallido</translation>
    </message>
    <message>
        <source>The failed payment ({amount}) leaves the list; the sale is not credited. Nothing is deleted. How was it settled?</source>
        <translation>El pago fallido ({amount}) sale de la lista; la venta no se abona. No se borra nada. ¿Cómo se resolvió?</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Reject payment</source>
        <translation>Rechazar el pago</translation>
    </message>
    <message>
        <source>The payment ({amount}) will be closed without crediting the sale. Nothing is deleted. Why is it rejected?</source>
        <translation>El pago ({amount}) se cerrará sin abonar la venta. No se borra nada. ¿Por qué se rechaza?</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Rechazar</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>The app will stop trying to finish this operation ({amount}). Nothing is deleted: the token and the record stay. Why is it dismissed?</source>
        <translation>La app dejará de intentar terminar esta operación ({amount}). No se borra nada: el token y el registro se conservan. ¿Por qué se descarta?</translation>
    </message>
    <message>
        <source>For example: refunded the customer in cash</source>
        <translation>Por ejemplo: reembolsado al cliente en efectivo</translation>
    </message>
</context>
<context>
    <name>EndOfDayDialog</name>
    <message>
        <source>End of day</source>
        <translation>Cierre del día</translation>
    </message>
    <message>
        <source>Now (X report)</source>
        <translation>Ahora (informe X)</translation>
    </message>
    <message>
        <source>The figures and the drawer since the last Z report</source>
        <translation>Las cifras y la caja desde el último informe Z</translation>
    </message>
    <message>
        <source>Close the day (Z report)…</source>
        <translation>Cerrar el día (informe Z)…</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Guardar PDF…</translation>
    </message>
    <message>
        <source>Save CSV…</source>
        <translation>Guardar CSV…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>This till</source>
        <translation>Esta caja</translation>
    </message>
    <message>
        <source>Whole shop</source>
        <translation>Toda la tienda</translation>
    </message>
    <message>
        <source>This till: its own sales and Z reports. Whole shop: every till&apos;s sales and the ecash drawer, with the shop&apos;s own Z reports.</source>
        <translation>Esta caja: sus propias ventas e informes Z. Toda la tienda: las ventas de todas las cajas y la caja de ecash, con los informes Z propios de la tienda.</translation>
    </message>
    <message>
        <source>Z reports</source>
        <translation>Informes Z</translation>
    </message>
    <message>
        <source>Counting, and checking the drawer at the mints…</source>
        <translation>Contando y comprobando la caja en los mints…</translation>
    </message>
    <message>
        <source>This X report changes nothing. Close the day to keep it.</source>
        <translation>Este informe X no cambia nada. Cierre el día para conservarlo.</translation>
    </message>
    <message>
        <source>Z {number} · {closed} · {sales} sales</source>
        <translation>Z {number} · {closed} · {sales} ventas</translation>
    </message>
    <message>
        <source>CHANGED</source>
        <translation>MODIFICADO</translation>
    </message>
    <message>
        <source>This report no longer matches its digest: it was changed.</source>
        <translation>Este informe ya no coincide con su huella: fue modificado.</translation>
    </message>
    <message>
        <source>Z report {number}, closed.</source>
        <translation>Informe Z {number}, cerrado.</translation>
    </message>
    <message>
        <source>Close the day</source>
        <translation>Cerrar el día</translation>
    </message>
    <message>
        <source>Close the whole shop&apos;s period with a shop Z report? It counts every till&apos;s sales and the ecash drawer, gets the shop&apos;s next number, is kept unchangeable, and the sales in it can no longer change.</source>
        <translation>¿Cerrar el periodo de toda la tienda con un informe Z de la tienda? Cuenta las ventas de todas las cajas y la caja de ecash, recibe el siguiente número de la tienda, queda inalterable y sus ventas ya no pueden cambiar.</translation>
    </message>
    <message>
        <source>Close the period with a Z report? It gets the next number, is kept unchangeable, and the sales in it can no longer change.</source>
        <translation>¿Cerrar el periodo con un informe Z? Recibe el número siguiente, queda inalterable y sus ventas ya no pueden cambiar.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Closing the day…</source>
        <translation>Cerrando el día…</translation>
    </message>
    <message>
        <source>Z report {number} is closed.</source>
        <translation>El informe Z {number} está cerrado.</translation>
    </message>
    <message>
        <source>Nothing happened since Z report {number}: nothing was closed.</source>
        <translation>No ha pasado nada desde el informe Z {number}: no se cerró nada.</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Guardar el informe</translation>
    </message>
    <message>
        <source>Saved to {file}</source>
        <translation>Guardado en {file}</translation>
    </message>
</context>
<context>
    <name>ExportBar</name>
    <message>
        <source>Payments (CSV)…</source>
        <translation>Pagos (CSV)…</translation>
    </message>
    <message>
        <source>Daily summary (CSV)…</source>
        <translation>Resumen diario (CSV)…</translation>
    </message>
    <message>
        <source>Report (PDF)…</source>
        <translation>Informe (PDF)…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Writing {name}…</source>
        <translation>Escribiendo {name}…</translation>
    </message>
    <message>
        <source>Saved {name} ({n} pages)</source>
        <translation>{name} guardado ({n} páginas)</translation>
    </message>
    <message>
        <source>Saved {name} ({n} rows)</source>
        <translation>{name} guardado ({n} filas)</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export ecash</source>
        <translation>Exportar e-cash</translation>
    </message>
    <message>
        <source>Export ecash to a file</source>
        <translation>Exportar e-cash a un archivo</translation>
    </message>
    <message>
        <source>The token is saved as a text file, with a QR picture beside it. Whoever has the file can spend the ecash, so keep it safe, or lock it to the recipient&apos;s key so that only they can redeem it.</source>
        <translation>El token se guarda como archivo de texto, con una imagen QR al lado. Quien tenga el archivo puede gastar el e-cash: guárdelo en un lugar seguro o bloquéelo con la clave del destinatario para que solo él pueda cobrarlo.</translation>
    </message>
    <message>
        <source>Optional: the recipient&apos;s public key (66 hex)</source>
        <translation>Opcional: clave pública del destinatario (66 caracteres hex)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Looking for a USB drive…</source>
        <translation>Buscando una memoria USB…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportación</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Mint</source>
        <translation>Mint</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Lock to key</source>
        <translation>Bloquear con clave</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <source>There is no ecash to export yet.</source>
        <translation>Todavía no hay e-cash para exportar.</translation>
    </message>
    <message>
        <source>USB drive found: {path}</source>
        <translation>Memoria USB encontrada: {path}</translation>
    </message>
    <message>
        <source>No USB drive found: the file goes to this folder.</source>
        <translation>No se encontró ninguna memoria USB: el archivo va a esta carpeta.</translation>
    </message>
    <message>
        <source>Export to folder</source>
        <translation>Exportar a la carpeta</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message>
        <source>Choose a folder that exists (is the USB drive plugged in?).</source>
        <translation>Elija una carpeta que exista (¿está conectada la memoria USB?).</translation>
    </message>
    <message>
        <source>Exported {amount}</source>
        <translation>{amount} exportados</translation>
    </message>
    <message>
        <source>Saved to: {path}</source>
        <translation>Guardado en: {path}</translation>
    </message>
    <message>
        <source>Locked to: {key}</source>
        <translation>Bloqueado con: {key}</translation>
    </message>
    <message>
        <source>Mint fee: {fee}</source>
        <translation>Comisión del mint: {fee}</translation>
    </message>
</context>
<context>
    <name>ExportHistory</name>
    <message>
        <source>Exported tokens</source>
        <translation>Tokens exportados</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Mint</source>
        <translation>Mint</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>No token was exported yet.</source>
        <translation>Aún no se ha exportado ningún token.</translation>
    </message>
    <message>
        <source>Check claims</source>
        <translation>Comprobar canjes</translation>
    </message>
    <message>
        <source>Ask the mints which of the unclaimed exports were redeemed since.</source>
        <translation>Preguntar a las mints qué exportaciones sin canjear se han canjeado desde entonces.</translation>
    </message>
    <message>
        <source>Show QR…</source>
        <translation>Mostrar QR…</translation>
    </message>
    <message>
        <source>Take back…</source>
        <translation>Recuperar…</translation>
    </message>
    <message>
        <source>The stick was lost: put what nobody redeemed back into the wallet. The token on the stick stops working.</source>
        <translation>Se perdió la memoria USB: devolver a la cartera lo que nadie canjeó. El token de la memoria deja de funcionar.</translation>
    </message>
    <message>
        <source>Export everything…</source>
        <translation>Exportar todo…</translation>
    </message>
    <message>
        <source>Every mint&apos;s ecash to a folder: one file each, with a list of the files.</source>
        <translation>El ecash de cada mint a una carpeta: un archivo cada una, con una lista de los archivos.</translation>
    </message>
    <message>
        <source>File: {path}</source>
        <translation>Archivo: {path}</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportación</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Reembolso</translation>
    </message>
    <message>
        <source>{kind}, locked</source>
        <translation>{kind}, bloqueado</translation>
    </message>
    <message>
        <source>Being taken back…</source>
        <translation>Recuperando…</translation>
    </message>
    <message>
        <source>Partly claimed ({claimed})</source>
        <translation>Canjeado en parte ({claimed})</translation>
    </message>
    <message>
        <source>Taken back ({claimed} claimed before)</source>
        <translation>Recuperado ({claimed} canjeado antes)</translation>
    </message>
    <message>
        <source>Not claimed yet</source>
        <translation>Aún sin canjear</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>Canjeado</translation>
    </message>
    <message>
        <source>Taken back</source>
        <translation>Recuperado</translation>
    </message>
    <message>
        <source>Checking with the mints…</source>
        <translation>Comprobando con las mints…</translation>
    </message>
    <message>
        <source>{n} export(s) were claimed.</source>
        <translation>Se canjearon {n} exportación(es).</translation>
    </message>
    <message>
        <source>{n} export(s) were partly claimed.</source>
        <translation>Se canjearon en parte {n} exportación(es).</translation>
    </message>
    <message>
        <source>No new claims.</source>
        <translation>No hay canjes nuevos.</translation>
    </message>
    <message>
        <source>{mint} could not be checked: {reason}.</source>
        <translation>No se pudo comprobar {mint}: {reason}.</translation>
    </message>
    <message>
        <source>Take back</source>
        <translation>Recuperar</translation>
    </message>
    <message>
        <source>Take back the export of {amount} from {when}?</source>
        <translation>¿Recuperar la exportación de {amount} del {when}?</translation>
    </message>
    <message>
        <source>What nobody redeemed comes back into the wallet, minus the mint&apos;s fee. The token on the stick or paper stops working: do this only when it was lost.</source>
        <translation>Lo que nadie canjeó vuelve a la cartera, menos la comisión de la mint. El token de la memoria o del papel deja de funcionar: hágalo solo si se perdió.</translation>
    </message>
    <message>
        <source>Keep it out</source>
        <translation>Dejarlo fuera</translation>
    </message>
    <message>
        <source>Taking the export back…</source>
        <translation>Recuperando la exportación…</translation>
    </message>
    <message>
        <source>Taken back: {amount} (mint fee {fee}).</source>
        <translation>Recuperado: {amount} (comisión de la mint {fee}).</translation>
    </message>
    <message>
        <source>{claimed} had been claimed before.</source>
        <translation>{claimed} se habían canjeado antes.</translation>
    </message>
</context>
<context>
    <name>ExportSettingsDialog</name>
    <message>
        <source>Export settings</source>
        <translation>Exportar ajustes</translation>
    </message>
    <message>
        <source>Every setting is written to a file that another till can import. The seed, the ecash and the database key are never in it.</source>
        <translation>Todos los ajustes se guardan en un archivo que otra caja puede importar. La semilla, el ecash y la clave de la base de datos nunca se incluyen.</translation>
    </message>
    <message>
        <source>Include the webhook secrets (encrypted)</source>
        <translation>Incluir los secretos de los webhooks (cifrados)</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Repetir</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Type a passphrase to protect the secrets.</source>
        <translation>Escriba una frase de contraseña para proteger los secretos.</translation>
    </message>
    <message>
        <source>The passphrases differ.</source>
        <translation>Las frases de contraseña no coinciden.</translation>
    </message>
    <message>
        <source>Export settings to</source>
        <translation>Exportar ajustes a</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message>
        <source>Exported {n} settings to {path}.</source>
        <translation>{n} ajustes exportados a {path}.</translation>
    </message>
</context>
<context>
    <name>ExportTokenDialog</name>
    <message>
        <source>Exported token</source>
        <translation>Token exportado</translation>
    </message>
    <message>
        <source>Reading the token…</source>
        <translation>Leyendo el token…</translation>
    </message>
    <message>
        <source>Save to a file…</source>
        <translation>Guardar en un archivo…</translation>
    </message>
    <message>
        <source>Exported on {when} at {mint}</source>
        <translation>Exportado el {when} en {mint}</translation>
    </message>
    <message>
        <source>Saved to: {path}</source>
        <translation>Guardado en: {path}</translation>
    </message>
    <message>
        <source>{claimed} of {amount} were claimed already; this token holds the rest.</source>
        <translation>Ya se canjearon {claimed} de {amount}; este token contiene el resto.</translation>
    </message>
    <message>
        <source>Unclaimed: {amount}</source>
        <translation>Sin canjear: {amount}</translation>
    </message>
    <message>
        <source>The token cannot be shown</source>
        <translation>No se puede mostrar el token</translation>
    </message>
    <message>
        <source>Save the token to a folder</source>
        <translation>Guardar el token en una carpeta</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
</context>
<context>
    <name>FeesPage</name>
    <message>
        <source>Fees and limits</source>
        <translation>Comisiones y límites</translation>
    </message>
    <message>
        <source>What a payment may cost the shop, and how large a sale may be.</source>
        <translation>Lo que un pago puede costar a la tienda y lo grande que puede ser una venta.</translation>
    </message>
</context>
<context>
    <name>FileField</name>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
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
        <translation>Estado</translation>
    </message>
    <message>
        <source>Last check</source>
        <translation>Última comprobación</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <source>Available (24 h)</source>
        <translation>Disponible (24 h)</translation>
    </message>
    <message>
        <source>Usual / slow answer (24 h)</source>
        <translation>Habitual / lenta (24 h)</translation>
    </message>
    <message>
        <source>Available (7 days)</source>
        <translation>Disponible (7 días)</translation>
    </message>
    <message>
        <source>Usual / slow answer (7 days)</source>
        <translation>Habitual / lenta (7 días)</translation>
    </message>
    <message>
        <source>How long the mint took to answer the last check.</source>
        <translation>Cuánto tardó el mint en responder a la última comprobación.</translation>
    </message>
    <message>
        <source>Share of checks the mint answered.</source>
        <translation>Parte de las comprobaciones a las que respondió el mint.</translation>
    </message>
    <message>
        <source>Usual: half of the answers were faster (median, p50). Slow: 19 of 20 answers were faster (95th percentile, p95).</source>
        <translation>Habitual: la mitad de las respuestas fueron más rápidas (mediana, p50). Lenta: 19 de cada 20 respuestas fueron más rápidas (percentil 95, p95).</translation>
    </message>
    <message>
        <source>Mints</source>
        <translation>Mints</translation>
    </message>
    <message>
        <source>Mint health</source>
        <translation>Estado de los mints</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>Comprobar ahora</translation>
    </message>
    <message>
        <source>No trusted mint yet. Add one in Settings.</source>
        <translation>Todavía no hay ningún mint de confianza. Añada uno en Ajustes.</translation>
    </message>
    <message numerus="yes">
        <source>%n mint(s) offline. Tokens from them are kept and retried.</source>
        <translation>
            <numerusform>%n mint sin conexión. Sus tokens se guardan y se reintentan.</numerusform>
            <numerusform>%n mints sin conexión. Sus tokens se guardan y se reintentan.</numerusform>
        </translation>
    </message>
    <message>
        <source>All trusted mints answer.</source>
        <translation>Todos los mints de confianza responden.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import ecash</source>
        <translation>Importar e-cash</translation>
    </message>
    <message>
        <source>Paste a token, scan its QR code, or open a token file.</source>
        <translation>Pegue un token, escanee su código QR o abra un archivo de token.</translation>
    </message>
    <message>
        <source>cashuB… (Ctrl+V to paste)</source>
        <translation>cashuB… (Ctrl+V para pegar)</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Escanear</translation>
    </message>
    <message>
        <source>Open file…</source>
        <translation>Abrir archivo…</translation>
    </message>
    <message>
        <source>Open folder…</source>
        <translation>Abrir carpeta…</translation>
    </message>
    <message>
        <source>Import every token file of a folder (an export of everything, say).</source>
        <translation>Importar cada archivo de token de una carpeta (una exportación de todo, por ejemplo).</translation>
    </message>
    <message>
        <source>Receive</source>
        <translation>Recibir</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Intro</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Open a token file</source>
        <translation>Abrir un archivo de token</translation>
    </message>
    <message>
        <source>Token files (*.txt);;All files (*)</source>
        <translation>Archivos de token (*.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>Leyendo {name}…</translation>
    </message>
    <message>
        <source>Open a folder of token files</source>
        <translation>Abrir una carpeta de archivos de token</translation>
    </message>
    <message>
        <source>Importing the files of {name}…</source>
        <translation>Importando los archivos de {name}…</translation>
    </message>
    <message>
        <source>received {amount}</source>
        <translation>{amount} recibido</translation>
    </message>
    <message>
        <source>taken back into the wallet: {amount}</source>
        <translation>recuperado en la cartera: {amount}</translation>
    </message>
    <message>
        <source>imported before, skipped</source>
        <translation>ya importado, omitido</translation>
    </message>
    <message>
        <source>already spent</source>
        <translation>ya gastado</translation>
    </message>
    <message>
        <source>the mint did not answer; it is redeemed later</source>
        <translation>la mint no respondió; se canjeará más tarde</translation>
    </message>
    <message>
        <source>In all: {amount}</source>
        <translation>En total: {amount}</translation>
    </message>
    <message>
        <source>Stop scanning</source>
        <translation>Dejar de escanear</translation>
    </message>
    <message>
        <source>Paste, scan or open a token first.</source>
        <translation>Primero pegue, escanee o abra un token.</translation>
    </message>
    <message>
        <source>Redeeming at the mint…</source>
        <translation>Cobrando en el mint…</translation>
    </message>
    <message>
        <source>Received {amount} at {mint}.</source>
        <translation>{amount} recibidos en {mint}.</translation>
    </message>
    <message>
        <source>The mint kept {fee} as its fee.</source>
        <translation>El mint se quedó {fee} de comisión.</translation>
    </message>
</context>
<context>
    <name>ImportSettingsDialog</name>
    <message>
        <source>Import settings</source>
        <translation>Importar ajustes</translation>
    </message>
    <message>
        <source>Only when the file holds secrets</source>
        <translation>Solo si el archivo contiene secretos</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>No file chosen.</source>
        <translation>Ningún archivo elegido.</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Elegir archivo…</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Ajuste</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Actual</translation>
    </message>
    <message>
        <source>From the file</source>
        <translation>Del archivo</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Aplicar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Import settings from</source>
        <translation>Importar ajustes desde</translation>
    </message>
    <message>
        <source>The file cannot be read: {reason}</source>
        <translation>No se puede leer el archivo: {reason}</translation>
    </message>
    <message>
        <source>The file holds the settings this till already has.</source>
        <translation>El archivo contiene los ajustes que esta caja ya tiene.</translation>
    </message>
    <message>
        <source>{n} setting(s) will change.</source>
        <translation>Cambiarán {n} ajuste(s).</translation>
    </message>
    <message>
        <source>Not known to this version, left out: {keys}.</source>
        <translation>Desconocidos para esta versión, omitidos: {keys}.</translation>
    </message>
    <message>
        <source>The file holds secrets: type its passphrase to import them.</source>
        <translation>El archivo contiene secretos: escriba su frase de contraseña para importarlos.</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <source>Optional, e.g. COFFEE-L</source>
        <translation>Opcional, p. ej. CAFE-L</translation>
    </message>
    <message>
        <source>Optional: a tab of quick keys</source>
        <translation>Opcional: una pestaña de teclas rápidas</translation>
    </message>
    <message>
        <source>Shop default ({rate} %)</source>
        <translation>Predeterminado de la tienda ({rate} %)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>On sale (a quick key on the Sell page)</source>
        <translation>A la venta (una tecla rápida en la página Vender)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Precio</translation>
    </message>
    <message>
        <source>VAT rate (%)</source>
        <translation>Tipo de IVA (%)</translation>
    </message>
    <message>
        <source>Key colour</source>
        <translation>Color de la tecla</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>A la venta</translation>
    </message>
</context>
<context>
    <name>ItemsDialog</name>
    <message>
        <source>Items</source>
        <translation>Artículos</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>ItemsPanel</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Precio</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>IVA</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>A la venta</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Añadir…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>Importar CSV…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>{rate} % (default)</source>
        <translation>{rate} % (predeterminado)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Add an item</source>
        <translation>Añadir un artículo</translation>
    </message>
    <message>
        <source>Added.</source>
        <translation>Añadido.</translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>Editar {name}</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Remove {name} from the catalogue?</source>
        <translation>¿Eliminar {name} del catálogo?</translation>
    </message>
    <message>
        <source>Sales that sold it keep their lines. To keep it for later, take it off sale instead: it leaves the Sell page&apos;s quick keys.</source>
        <translation>Las ventas que lo vendieron conservan sus líneas. Para guardarlo para más adelante, retírelo de la venta: desaparece de las teclas rápidas de la página Vender.</translation>
    </message>
    <message>
        <source>Take off sale</source>
        <translation>Retirar de la venta</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Conservar</translation>
    </message>
    <message>
        <source>Removed.</source>
        <translation>Eliminado.</translation>
    </message>
    <message>
        <source>Taken off sale.</source>
        <translation>Retirado de la venta.</translation>
    </message>
    <message>
        <source>Import items from</source>
        <translation>Importar artículos desde</translation>
    </message>
    <message>
        <source>Export items to</source>
        <translation>Exportar artículos a</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importando…</translation>
    </message>
    <message>
        <source>Imported: {added} added, {updated} updated.</source>
        <translation>Importado: {added} añadido(s), {updated} actualizado(s).</translation>
    </message>
    <message>
        <source>Exported {n} item(s) to {path}.</source>
        <translation>{n} artículo(s) exportado(s) a {path}.</translation>
    </message>
    <message>
        <source>The file cannot be read: {reason}</source>
        <translation>No se puede leer el archivo: {reason}</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text: save it as CSV UTF-8 and try again.</source>
        <translation>El archivo no es texto UTF-8: guárdelo como CSV UTF-8 e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The file cannot be written: {reason}</source>
        <translation>No se puede escribir el archivo: {reason}</translation>
    </message>
    <message>
        <source>The first line must name the columns: name and price, and any of {all}.</source>
        <translation>La primera línea debe nombrar las columnas: name y price, y cualquiera de {all}.</translation>
    </message>
    <message>
        <source>Unknown columns: {names}.</source>
        <translation>Columnas desconocidas: {names}.</translation>
    </message>
    <message>
        <source>{n} row(s) are not valid; nothing was imported.</source>
        <translation>{n} fila(s) no son válidas; no se importó nada.</translation>
    </message>
    <message>
        <source>Line {line}</source>
        <translation>Línea {line}</translation>
    </message>
    <message>
        <source>…and {n} more.</source>
        <translation>…y {n} más.</translation>
    </message>
</context>
<context>
    <name>KeyPage</name>
    <message>
        <source>Protect the wallet</source>
        <translation>Proteger el monedero</translation>
    </message>
    <message>
        <source>The wallet&apos;s database is encrypted. Choose where its key is kept.</source>
        <translation>La base de datos del monedero está cifrada. Elija dónde se guarda su clave.</translation>
    </message>
    <message>
        <source>This computer&apos;s keyring</source>
        <translation>Llavero de este ordenador</translation>
    </message>
    <message>
        <source>A passphrase, asked at every start</source>
        <translation>Una frase de contraseña, pedida en cada inicio</translation>
    </message>
    <message>
        <source>{var} is set in the environment: the database will be encrypted with that key. Keep it safe: without it the wallet cannot be opened.</source>
        <translation>{var} está definida en el entorno: la base de datos se cifrará con esa clave. Guárdela bien: sin ella no se puede abrir el monedero.</translation>
    </message>
    <message>
        <source>The app opens without asking when you log in to this computer.</source>
        <translation>La app se abre sin preguntar cuando inicia sesión en este ordenador.</translation>
    </message>
    <message>
        <source>No keyring is available on this computer.</source>
        <translation>No hay ningún llavero disponible en este ordenador.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>Repeat it</source>
        <translation>Repítala</translation>
    </message>
    <message>
        <source>at least {n} characters</source>
        <translation>al menos {n} caracteres</translation>
    </message>
    <message>
        <source>Without the passphrase the wallet cannot be opened; your recovery words still restore the money.</source>
        <translation>Sin la frase de contraseña no se puede abrir el monedero; sus palabras de recuperación siguen recuperando el dinero.</translation>
    </message>
    <message>
        <source>Choose at least {n} characters.</source>
        <translation>Elija al menos {n} caracteres.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>Memo (optional)</source>
        <translation>Nota (opcional)</translation>
    </message>
    <message>
        <source>Clear (Esc)</source>
        <translation>Borrar (Esc)</translation>
    </message>
    <message>
        <source>Charge  ⏎</source>
        <translation>Cobrar  ⏎</translation>
    </message>
    <message>
        <source>Creating sale…</source>
        <translation>Creando la venta…</translation>
    </message>
    <message>
        <source>Type an amount first.</source>
        <translation>Primero escriba un importe.</translation>
    </message>
    <message>
        <source>includes {fee} fee</source>
        <translation>incluye {fee} de comisión</translation>
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
        <translation>Dirección Lightning</translation>
    </message>
    <message>
        <source>Where the till pays out to Lightning: name@example.com or an LNURL-pay link.</source>
        <translation>Adónde paga la caja por Lightning: nombre@example.com o un enlace LNURL-pay.</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>nombre@example.com</translation>
    </message>
    <message>
        <source>The payment mode or preset you chose pays out to this address: it is needed.</source>
        <translation>El modo de pago o el ajuste predefinido elegido paga a esta dirección: es necesaria.</translation>
    </message>
    <message>
        <source>Optional: you keep your mints&apos; ecash. You can add it later in Settings.</source>
        <translation>Opcional: conserva el ecash de sus mints. Puede añadirla más tarde en Ajustes.</translation>
    </message>
    <message>
        <source>Checking the address…</source>
        <translation>Comprobando la dirección…</translation>
    </message>
    <message>
        <source>It answers: payments from {low} to {high} sat.</source>
        <translation>Responde: pagos de {low} a {high} sat.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Cashu point of sale</source>
        <translation>Caja Cashu</translation>
    </message>
    <message>
        <source>Opening the wallet…</source>
        <translation>Abriendo el monedero…</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>Cambiar de usuario</translation>
    </message>
    <message>
        <source>Cashu point of sale - TRAINING</source>
        <translation>Caja Cashu - FORMACIÓN</translation>
    </message>
    <message>
        <source>TRAINING - play money, not real sales</source>
        <translation>FORMACIÓN - dinero de juego, no son ventas reales</translation>
    </message>
    <message>
        <source>The wallet is not open.</source>
        <translation>El monedero no está abierto.</translation>
    </message>
    <message>
        <source>&amp;App</source>
        <translation>&amp;App</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Items…</source>
        <translation>&amp;Artículos…</translation>
    </message>
    <message>
        <source>&amp;Customer wallet…</source>
        <translation>Monedero del &amp;cliente…</translation>
    </message>
    <message>
        <source>&amp;Leave training mode</source>
        <translation>&amp;Salir del modo de formación</translation>
    </message>
    <message>
        <source>Open {page}</source>
        <translation>Abrir {page}</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Avisos</translation>
    </message>
    <message>
        <source>Changing the items needs a manager.</source>
        <translation>Cambiar los artículos requiere un encargado.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>A sale is open: {amount}, not paid yet.</source>
        <translation>Hay una venta abierta: {amount}, aún sin pagar.</translation>
    </message>
    <message>
        <source>If you quit now, the customer cannot pay it at this till; it stays in Activity and expires on its own. Money already received is kept.</source>
        <translation>Si sale ahora, el cliente no podrá pagar en esta caja; la venta queda en Actividad y caduca sola. El dinero ya recibido se conserva.</translation>
    </message>
    <message>
        <source>Keep selling</source>
        <translation>Seguir vendiendo</translation>
    </message>
    <message>
        <source>Cashu point of sale - {till}</source>
        <translation>Punto de venta Cashu - {till}</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>4 to 8 digits</source>
        <translation>De 4 a 8 dígitos</translation>
    </message>
    <message>
        <source>The same again</source>
        <translation>La misma otra vez</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>Repetir PIN</translation>
    </message>
    <message>
        <source>The two PINs are not the same: type the new PIN again twice.</source>
        <translation>Los dos PIN no coinciden: escriba el nuevo PIN otra vez dos veces.</translation>
    </message>
</context>
<context>
    <name>MintCheck</name>
    <message>
        <source>checks whether a token is spent</source>
        <translation>comprueba si un token está gastado</translation>
    </message>
    <message>
        <source>restores the shop&apos;s coins from its recovery words</source>
        <translation>restaura las monedas de la tienda a partir de sus palabras de recuperación</translation>
    </message>
    <message>
        <source>proves its tokens are genuine</source>
        <translation>demuestra que sus tokens son auténticos</translation>
    </message>
    <message>
        <source>pays out to Lightning</source>
        <translation>paga por Lightning</translation>
    </message>
    <message>
        <source>returns Lightning fee change</source>
        <translation>devuelve el cambio de las comisiones Lightning</translation>
    </message>
    <message>
        <source>tokens made out to the shop (offline payments)</source>
        <translation>tokens a nombre de la tienda (pagos sin conexión)</translation>
    </message>
    <message>
        <source>prices in sats</source>
        <translation>precios en sats</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Comprobar</translation>
    </message>
    <message>
        <source>Mint address</source>
        <translation>Dirección del mint</translation>
    </message>
    <message>
        <source>Checking {url}…</source>
        <translation>Comprobando {url}…</translation>
    </message>
    <message>
        <source>This mint cannot be used</source>
        <translation>Este mint no se puede usar</translation>
    </message>
    <message>
        <source>Nothing answered at this address. Check the address and the internet connection.</source>
        <translation>Nada respondió en esta dirección. Compruebe la dirección y la conexión a internet.</translation>
    </message>
    <message>
        <source>This address did not answer like a Cashu mint: {reason}</source>
        <translation>Esta dirección no respondió como un mint Cashu: {reason}</translation>
    </message>
</context>
<context>
    <name>MintList</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unidades</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Orden</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>Trusted</source>
        <translation>De confianza</translation>
    </message>
    <message>
        <source>Add mint…</source>
        <translation>Añadir mint…</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Use this mint before the one above it</source>
        <translation>Usar este mint antes que el de arriba</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <source>Use this mint after the one below it</source>
        <translation>Usar este mint después del de abajo</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>Confiar</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>{url} is now number {n} in the order.</source>
        <translation>{url} es ahora el número {n} en el orden.</translation>
    </message>
    <message>
        <source>Only trusted mints have a place in the order.</source>
        <translation>Solo las mints de confianza tienen un lugar en el orden.</translation>
    </message>
    <message>
        <source>{url} is no longer used.</source>
        <translation>{url} ya no se usa.</translation>
    </message>
    <message>
        <source>{url} is trusted: its tokens are accepted.</source>
        <translation>{url} es de confianza: sus tokens se aceptan.</translation>
    </message>
    <message>
        <source>{url} is no longer trusted.</source>
        <translation>{url} ya no es de confianza.</translation>
    </message>
    <message>
        <source>Don&apos;t trust</source>
        <translation>No confiar</translation>
    </message>
    <message>
        <source>Added {name}.</source>
        <translation>{name} añadido.</translation>
    </message>
</context>
<context>
    <name>MintOfflineBanner</name>
    <message>
        <source>The mint %1 is offline right now. A token from it is kept and redeemed when it answers.</source>
        <translation>El mint %1 está sin conexión ahora mismo. Un token suyo se guarda y se cobra en cuanto responda.</translation>
    </message>
</context>
<context>
    <name>MintsPage</name>
    <message>
        <source>Trusted mints</source>
        <translation>Mints de confianza</translation>
    </message>
    <message>
        <source>Customers pay with ecash from mints the shop trusts. Add at least one; more can be added later in Settings.</source>
        <translation>Los clientes pagan con e-cash de mints en los que confía la tienda. Añada al menos uno; puede añadir más después en Ajustes.</translation>
    </message>
    <message>
        <source>Add to the shop&apos;s mints</source>
        <translation>Añadir a los mints de la tienda</translation>
    </message>
    <message>
        <source>Take off the list</source>
        <translation>Quitar de la lista</translation>
    </message>
    <message>
        <source>The shop&apos;s mints:</source>
        <translation>Los mints de la tienda:</translation>
    </message>
</context>
<context>
    <name>NotificationsDialog</name>
    <message>
        <source>Notifications</source>
        <translation>Avisos</translation>
    </message>
    <message>
        <source>Nothing needs your attention.</source>
        <translation>Nada requiere su atención.</translation>
    </message>
    <message>
        <source>Mark all as read</source>
        <translation>Marcar todo como leído</translation>
    </message>
</context>
<context>
    <name>OwnerPage</name>
    <message>
        <source>The owner</source>
        <translation>El propietario</translation>
    </message>
    <message>
        <source>With staff, the owner&apos;s PIN guards Settings, the seed and payouts, and the owner adds the cashiers later. Leave it empty if you work the till alone.</source>
        <translation>Con personal, el PIN del propietario protege los ajustes, la semilla y los pagos, y el propietario añade los cajeros más tarde. Déjelo vacío si atiende la caja solo.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Su nombre</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>PIN (4 to 8 digits)</source>
        <translation>PIN (de 4 a 8 dígitos)</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>Repetir PIN</translation>
    </message>
    <message>
        <source>Type a name of 1 to 40 letters, digits or spaces.</source>
        <translation>Escriba un nombre de 1 a 40 letras, dígitos o espacios.</translation>
    </message>
    <message>
        <source>A PIN is 4 to 8 digits.</source>
        <translation>Un PIN tiene de 4 a 8 dígitos.</translation>
    </message>
    <message>
        <source>The two PINs differ.</source>
        <translation>Los dos PIN no coinciden.</translation>
    </message>
</context>
<context>
    <name>Pager</name>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Anterior</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Siguiente ▶</translation>
    </message>
    <message>
        <source>Previous page (Ctrl+Page Up)</source>
        <translation>Página anterior (Ctrl+RePág)</translation>
    </message>
    <message>
        <source>Next page (Ctrl+Page Down)</source>
        <translation>Página siguiente (Ctrl+AvPág)</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Página {page} de {pages}</translation>
    </message>
</context>
<context>
    <name>PaymentView</name>
    <message>
        <source>Cancel sale  Esc</source>
        <translation>Cancelar venta  Esc</translation>
    </message>
    <message>
        <source>New sale  ⏎</source>
        <translation>Nueva venta  ⏎</translation>
    </message>
    <message>
        <source>This token was already read for this sale.</source>
        <translation>Este token ya se leyó para esta venta.</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Por revisar</translation>
    </message>
    <message>
        <source>Payment failed: not paid</source>
        <translation>Pago fallido: no pagado</translation>
    </message>
    <message>
        <source>Waiting for payment</source>
        <translation>Esperando el pago</translation>
    </message>
    <message>
        <source>Show the customer the code, or hold their token up to the camera.</source>
        <translation>Muestre el código al cliente o acerque su token a la cámara.</translation>
    </message>
    <message>
        <source>Checking the token…</source>
        <translation>Comprobando el token…</translation>
    </message>
    <message>
        <source>Please wait a moment.</source>
        <translation>Espere un momento, por favor.</translation>
    </message>
    <message>
        <source>Partially paid: {left} to go</source>
        <translation>Pagado en parte: faltan {left}</translation>
    </message>
    <message>
        <source>{paid} received. Scan the next token for the rest.</source>
        <translation>{paid} recibidos. Escanee el siguiente token para el resto.</translation>
    </message>
    <message>
        <source>Still to pay: {left}.</source>
        <translation>Falta por pagar: {left}.</translation>
    </message>
    <message>
        <source>Converting it cost {fee} in fees.</source>
        <translation>La conversión costó {fee} en comisiones.</translation>
    </message>
    <message>
        <source>Not confirmed yet.
Goods at the shop&apos;s risk.</source>
        <translation>Aún sin confirmar.
Mercancía a riesgo de la tienda.</translation>
    </message>
    <message>
        <source>Not paid.
Ask for another payment.</source>
        <translation>No pagado.
Pida otro pago.</translation>
    </message>
    <message>
        <source>{paid} was already paid. Press Esc again to cancel the sale; the refund is then listed under Needs attention in Activity.</source>
        <translation>Ya se pagó {paid}. Pulse Esc otra vez para cancelar la venta; el reembolso aparecerá en «Requiere atención» en Actividad.</translation>
    </message>
    <message>
        <source>Accepted offline: it is redeemed when the mint is back.</source>
        <translation>Aceptado sin conexión: se cobra cuando vuelva el mint.</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Pagada</translation>
    </message>
    <message>
        <source>Sale expired</source>
        <translation>Venta caducada</translation>
    </message>
    <message>
        <source>The price lock ran out. Press Enter for a new sale of the same amount.</source>
        <translation>El precio fijado ha caducado. Pulse Intro para una nueva venta por el mismo importe.</translation>
    </message>
    <message>
        <source>Price lock ended</source>
        <translation>Precio fijado terminado</translation>
    </message>
    <message>
        <source>Back  Esc</source>
        <translation>Volver  Esc</translation>
    </message>
    <message>
        <source>New sale, same amount  ⏎</source>
        <translation>Nueva venta, mismo importe  ⏎</translation>
    </message>
    <message>
        <source>{price} paid.</source>
        <translation>{price} pagado.</translation>
    </message>
    <message>
        <source>{price} paid ({sats}).</source>
        <translation>{price} pagado ({sats}).</translation>
    </message>
    <message>
        <source>The customer gave {given}: change {change}. Let them scan the change code.</source>
        <translation>El cliente dio {given}: cambio {change}. Que escanee el código del cambio.</translation>
    </message>
    <message>
        <source>The customer gave {given}: {change} over, kept by the shop.</source>
        <translation>El cliente dio {given}: {change} de más, que se queda la tienda.</translation>
    </message>
    <message>
        <source>{paid}
received</source>
        <translation>{paid}
recibidos</translation>
    </message>
    <message>
        <source>Tell the owner.</source>
        <translation>Avise al responsable.</translation>
    </message>
    <message>
        <source>Enter: a new sale
of {amount}</source>
        <translation>Intro: nueva venta
de {amount}</translation>
    </message>
    <message>
        <source>Still to pay
{left}</source>
        <translation>Falta por pagar
{left}</translation>
    </message>
</context>
<context>
    <name>PaymentsPage</name>
    <message>
        <source>How payments are kept</source>
        <translation>Cómo se guardan los pagos</translation>
    </message>
    <message>
        <source>Which ecash the till takes and what it does with it.</source>
        <translation>Qué ecash acepta la caja y qué hace con él.</translation>
    </message>
    <message>
        <source>Keep ecash of the shop&apos;s own mints</source>
        <translation>Guardar el ecash de las mints propias</translation>
    </message>
    <message>
        <source>Only tokens of the mints you trust are taken, and kept as ecash. Simplest and cheapest; customers need ecash of one of your mints.</source>
        <translation>Solo se aceptan tokens de las mints de confianza, y se guardan como ecash. Lo más sencillo y barato; los clientes necesitan ecash de una de sus mints.</translation>
    </message>
    <message>
        <source>Also take other mints&apos; ecash, paid out to Lightning</source>
        <translation>Aceptar también ecash de otras mints, pagado por Lightning</translation>
    </message>
    <message>
        <source>Tokens of your mints are kept; any other is paid straight to the shop&apos;s Lightning address (the next step). The customer&apos;s token pays the fee.</source>
        <translation>Los tokens de sus mints se conservan; cualquier otro se paga directamente a la dirección Lightning de la tienda (el siguiente paso). El token del cliente paga la comisión.</translation>
    </message>
    <message>
        <source>Pay everything out to Lightning</source>
        <translation>Pagar todo por Lightning</translation>
    </message>
    <message>
        <source>Every token is paid to the shop&apos;s Lightning address at once: the shop keeps no ecash. Each payment costs a Lightning fee.</source>
        <translation>Cada token se paga al instante a la dirección Lightning de la tienda: la tienda no guarda ecash. Cada pago cuesta una comisión Lightning.</translation>
    </message>
    <message>
        <source>None: the defaults</source>
        <translation>Ninguna: los valores predeterminados</translation>
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
        <translation>Plantillas</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Ajuste</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Actual</translation>
    </message>
    <message>
        <source>Then</source>
        <translation>Después</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Aplicar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>{n} settings change.</source>
        <translation>Cambian {n} ajustes.</translation>
    </message>
    <message>
        <source>Nothing to change: this shop is set up like that already.</source>
        <translation>Nada que cambiar: esta tienda ya está configurada así.</translation>
    </message>
    <message>
        <source>Applied: {n} settings changed.</source>
        <translation>Aplicado: {n} ajustes cambiados.</translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <source>Cafe</source>
        <translation>Cafetería</translation>
    </message>
    <message>
        <source>Quick sales at a counter: a short price hold, tips offered, the mint&apos;s own ecash only.</source>
        <translation>Ventas rápidas en el mostrador: precio reservado poco tiempo, propinas ofrecidas, solo ecash de la mint propia.</translation>
    </message>
    <message>
        <source>Market stall</source>
        <translation>Puesto de mercado</translation>
    </message>
    <message>
        <source>Outdoors with a weak connection: tokens made out to the shop are taken while a mint is unreachable, within small caps; a longer price hold.</source>
        <translation>Al aire libre con conexión débil: se aceptan tokens a nombre de la tienda mientras una mint no responde, con límites pequeños; precio reservado más tiempo.</translation>
    </message>
    <message>
        <source>Shop with an online store</source>
        <translation>Tienda con venta online</translation>
    </message>
    <message>
        <source>Ecash from other mints converted into the shop&apos;s, payouts to the Lightning address on the timer, and webhooks to the shop&apos;s own network.</source>
        <translation>El ecash de otras mints se convierte al de la tienda, pagos programados a la dirección Lightning y webhooks a la red propia de la tienda.</translation>
    </message>
    <message>
        <source>Minimal</source>
        <translation>Mínimo</translation>
    </message>
    <message>
        <source>Ecash of the shop&apos;s own mints only, nothing automatic: no conversion, no offline acceptance, no automatic payouts.</source>
        <translation>Solo ecash de las mints propias, nada automático: sin conversión, sin aceptación sin conexión, sin pagos automáticos.</translation>
    </message>
</context>
<context>
    <name>PrinterPage</name>
    <message>
        <source>Receipt printer</source>
        <translation>Impresora de tickets</translation>
    </message>
    <message>
        <source>Receipts print on this printer without asking. Print a test receipt to see the paper&apos;s width and the shop&apos;s header.</source>
        <translation>Los tickets se imprimen en esta impresora sin preguntar. Imprima un ticket de prueba para ver el ancho del papel y la cabecera de la tienda.</translation>
    </message>
    <message>
        <source>None: choose in the print dialog each time</source>
        <translation>Ninguna: elegir en el diálogo de impresión cada vez</translation>
    </message>
    <message>
        <source>Print a test receipt</source>
        <translation>Imprimir un ticket de prueba</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Impresora</translation>
    </message>
    <message>
        <source>No printer? Go on: receipts can also be saved as PDF files, and the printer can be set later in Settings, Shop.</source>
        <translation>¿Sin impresora? Siga: los tickets también se pueden guardar como PDF, y la impresora se configura más tarde en Ajustes, Tienda.</translation>
    </message>
    <message>
        <source>{name} (not installed)</source>
        <translation>{name} (no instalada)</translation>
    </message>
    <message>
        <source>Your shop</source>
        <translation>Su tienda</translation>
    </message>
    <message>
        <source>TEST</source>
        <translation>PRUEBA</translation>
    </message>
    <message>
        <source>print dialog</source>
        <translation>diálogo de impresión</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papel</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Impreso</translation>
    </message>
    <message>
        <source>Sharp text, nothing cut at the edges and a QR code below: the printer is ready.</source>
        <translation>Texto nítido, nada cortado en los bordes y un código QR debajo: la impresora está lista.</translation>
    </message>
    <message>
        <source>Sent to the printer. Check the paper.</source>
        <translation>Enviado a la impresora. Revise el papel.</translation>
    </message>
    <message>
        <source>{printer} did not print: it is not installed or is off. Choose another, or none.</source>
        <translation>{printer} no imprimió: no está instalada o está apagada. Elija otra, o ninguna.</translation>
    </message>
    <message>
        <source>Nothing was printed.</source>
        <translation>No se imprimió nada.</translation>
    </message>
    <message>
        <source>Receipts: the print dialog each time, {paper} paper</source>
        <translation>Tickets: el diálogo de impresión cada vez, papel {paper}</translation>
    </message>
    <message>
        <source>Receipt printer: {printer}, {paper} paper, test printed</source>
        <translation>Impresora de tickets: {printer}, papel {paper}, prueba impresa</translation>
    </message>
    <message>
        <source>Receipt printer: {printer}, {paper} paper</source>
        <translation>Impresora de tickets: {printer}, papel {paper}</translation>
    </message>
</context>
<context>
    <name>ReceiptButtons</name>
    <message>
        <source>Print receipt</source>
        <translation>Imprimir recibo</translation>
    </message>
    <message>
        <source>Save receipt as PDF</source>
        <translation>Guardar recibo como PDF</translation>
    </message>
    <message>
        <source>Print refund receipt</source>
        <translation>Imprimir recibo de reembolso</translation>
    </message>
    <message>
        <source>Save refund receipt as PDF</source>
        <translation>Guardar recibo de reembolso como PDF</translation>
    </message>
    <message>
        <source>Printed on {printer}</source>
        <translation>Impreso en {printer}</translation>
    </message>
    <message>
        <source>Printer {printer} not found: choose one.</source>
        <translation>Impresora {printer} no encontrada: elija una.</translation>
    </message>
    <message>
        <source>Save receipt</source>
        <translation>Guardar recibo</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved: {name}</source>
        <translation>Guardado: {name}</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>Refund the customer</source>
        <translation>Reembolsar al cliente</translation>
    </message>
    <message>
        <source>Refund {amount} for sale {sale}</source>
        <translation>Reembolsar {amount} de la venta {sale}</translation>
    </message>
    <message>
        <source>The amount the customer paid is given back as an ecash token: they scan the QR code, or take the file. It comes from the mint they paid with when the shop holds enough there.</source>
        <translation>El importe pagado se devuelve como token de ecash: el cliente escanea el código QR o se lleva el archivo. Sale del mint con el que pagó cuando la tienda tiene suficiente allí.</translation>
    </message>
    <message>
        <source>Save to</source>
        <translation>Guardar en</translation>
    </message>
    <message>
        <source>Make refund token</source>
        <translation>Crear token de reembolso</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Making the token…</source>
        <translation>Creando el token…</translation>
    </message>
    <message>
        <source>Make the refund token</source>
        <translation>Crear el token de reembolso</translation>
    </message>
</context>
<context>
    <name>RefundForm</name>
    <message>
        <source>Saved to: {path}</source>
        <translation>Guardado en: {path}</translation>
    </message>
    <message>
        <source>The file could not be saved to that folder (is the USB drive plugged in?). The token is kept with the refund: let the customer scan it, or copy it.</source>
        <translation>No se pudo guardar el archivo en esa carpeta (¿está conectada la memoria USB?). El token se guarda con el reembolso: deje que el cliente lo escanee o cópielo.</translation>
    </message>
    <message>
        <source>No file saved (no folder): copy the token or let it be scanned.</source>
        <translation>Ningún archivo guardado (sin carpeta): copie el token o deje que lo escaneen.</translation>
    </message>
    <message>
        <source>Refund of {amount}: let the customer scan it</source>
        <translation>Reembolso de {amount}: que el cliente lo escanee</translation>
    </message>
    <message>
        <source>From mint: {mint}</source>
        <translation>De la mint: {mint}</translation>
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
        <translation> de {left}</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>reembolsado</translation>
    </message>
    <message>
        <source>{amount} left</source>
        <translation>quedan {amount}</translation>
    </message>
    <message>
        <source>Also give the tip back ({amount})</source>
        <translation>Devolver también la propina ({amount})</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>Opening balance</source>
        <translation>Saldo inicial</translation>
    </message>
    <message>
        <source>Received from customers</source>
        <translation>Recibido de clientes</translation>
    </message>
    <message>
        <source>Restored from the seed</source>
        <translation>Restaurado desde la semilla</translation>
    </message>
    <message>
        <source>Reclaimed exports</source>
        <translation>Exportaciones recuperadas</translation>
    </message>
    <message>
        <source>Exported (files, change, refunds)</source>
        <translation>Exportado (archivos, cambio, reembolsos)</translation>
    </message>
    <message>
        <source>Withdrawn to Lightning</source>
        <translation>Retirado a Lightning</translation>
    </message>
    <message>
        <source>Fees paid by the wallet</source>
        <translation>Comisiones pagadas por la billetera</translation>
    </message>
    <message>
        <source>Spent elsewhere (found by a check)</source>
        <translation>Gastado en otro lugar (hallado en una comprobación)</translation>
    </message>
    <message>
        <source>Other changes</source>
        <translation>Otros cambios</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Esperado</translation>
    </message>
    <message>
        <source>Held by the wallet now</source>
        <translation>En la billetera ahora</translation>
    </message>
    <message>
        <source>of which in pending operations</source>
        <translation>de lo cual en operaciones pendientes</translation>
    </message>
    <message>
        <source>Difference (held - expected)</source>
        <translation>Diferencia (en billetera - esperado)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Shop Z report {number}</source>
        <translation>Informe Z de la tienda {number}</translation>
    </message>
    <message>
        <source>Z report {number}</source>
        <translation>Informe Z {number}</translation>
    </message>
    <message>
        <source>Shop X report (since shop Z {number})</source>
        <translation>Informe X de la tienda (desde el Z de la tienda {number})</translation>
    </message>
    <message>
        <source>X report (since Z {number})</source>
        <translation>Informe X (desde Z {number})</translation>
    </message>
    <message>
        <source>Shop X report</source>
        <translation>Informe X de la tienda</translation>
    </message>
    <message>
        <source>X report</source>
        <translation>Informe X</translation>
    </message>
    <message>
        <source>TRAINING - not a real report: {title}</source>
        <translation>FORMACIÓN - no es un informe real: {title}</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Caja</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>Tienda</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>every till&apos;s sales and the ecash drawer</source>
        <translation>las ventas de todas las cajas y la caja de ecash</translation>
    </message>
    <message>
        <source>this till&apos;s sales</source>
        <translation>las ventas de esta caja</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Huella</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Ventas</translation>
    </message>
    <message>
        <source>Gross ({currency})</source>
        <translation>Bruto ({currency})</translation>
    </message>
    <message>
        <source>Gross in {unit}</source>
        <translation>Bruto en {unit}</translation>
    </message>
    <message>
        <source>Average ticket ({currency})</source>
        <translation>Ticket medio ({currency})</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Reembolsos</translation>
    </message>
    <message>
        <source>Refunded ({currency})</source>
        <translation>Reembolsado ({currency})</translation>
    </message>
    <message>
        <source>Refunded in {unit}</source>
        <translation>Reembolsado en {unit}</translation>
    </message>
    <message>
        <source>Net after refunds ({currency})</source>
        <translation>Neto tras reembolsos ({currency})</translation>
    </message>
    <message>
        <source>Cancelled unpaid</source>
        <translation>Canceladas, sin pagar</translation>
    </message>
    <message>
        <source>Expired unpaid</source>
        <translation>Caducadas, sin pagar</translation>
    </message>
    <message>
        <source>Failed unpaid</source>
        <translation>Fallidas, sin pagar</translation>
    </message>
    <message>
        <source>Payments that went through</source>
        <translation>Pagos completados</translation>
    </message>
    <message>
        <source>{settled} of {attempts}</source>
        <translation>{settled} de {attempts}</translation>
    </message>
    <message>
        <source>Refused payments</source>
        <translation>Pagos rechazados</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Por revisar</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Cifra</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Tips ({currency})</source>
        <translation>Propinas ({currency})</translation>
    </message>
    <message>
        <source>Tips in {unit}</source>
        <translation>Propinas en {unit}</translation>
    </message>
    <message>
        <source>Discounts given</source>
        <translation>Descuentos concedidos</translation>
    </message>
    <message>
        <source>Discounts ({currency})</source>
        <translation>Descuentos ({currency})</translation>
    </message>
    <message>
        <source>{rate} % ({currency})</source>
        <translation>{rate} % ({currency})</translation>
    </message>
    <message>
        <source>VAT by rate</source>
        <translation>IVA por tipo</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Neto</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>IVA</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>Bruto</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Pagos</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Mint</source>
        <translation>Mint</translation>
    </message>
    <message>
        <source>Fee advance collected</source>
        <translation>Anticipo de comisión cobrado</translation>
    </message>
    <message>
        <source>Mint fees</source>
        <translation>Comisiones del mint</translation>
    </message>
    <message>
        <source>Lightning fees</source>
        <translation>Comisiones Lightning</translation>
    </message>
    <message>
        <source>By method</source>
        <translation>Por método</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Método</translation>
    </message>
    <message>
        <source>By mint</source>
        <translation>Por mint</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Comisiones</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Comisión</translation>
    </message>
    <message>
        <source>Refused, by reason</source>
        <translation>Rechazados, por motivo</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Rates used</source>
        <translation>Tipos de cambio usados</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <source>Lowest</source>
        <translation>Mínimo</translation>
    </message>
    <message>
        <source>Highest</source>
        <translation>Máximo</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Ecash drawer: {mint} ({unit})</source>
        <translation>Caja de ecash: {mint} ({unit})</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Línea</translation>
    </message>
    <message>
        <source>(before the shop had tills)</source>
        <translation>(antes de que la tienda tuviera cajas)</translation>
    </message>
    <message>
        <source>Z {number}</source>
        <translation>Z {number}</translation>
    </message>
    <message>
        <source>By till</source>
        <translation>Por caja</translation>
    </message>
    <message>
        <source>Last Z</source>
        <translation>Último Z</translation>
    </message>
    <message>
        <source>not reachable</source>
        <translation>no disponible</translation>
    </message>
    <message>
        <source>Checked at the mints (NUT-07)</source>
        <translation>Comprobado en los mints (NUT-07)</translation>
    </message>
    <message>
        <source>Unspent</source>
        <translation>Sin gastar</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>Gastado</translation>
    </message>
    <message>
        <source>Exported in this period</source>
        <translation>Exportado en este periodo</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Finalidad</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>Cobrado</translation>
    </message>
    <message>
        <source>The ecash drawer is the whole shop&apos;s wallet: the shop&apos;s report counts it.</source>
        <translation>La caja de ecash es el monedero de toda la tienda: el informe de la tienda la cuenta.</translation>
    </message>
    <message>
        <source>{till}: has sales or payments that no Z report of its own closed yet.</source>
        <translation>{till}: tiene ventas o pagos que ningún informe Z propio ha cerrado todavía.</translation>
    </message>
    <message>
        <source>{where}: the wallet holds {amount} more than its ledger expects. Something changed the wallet&apos;s coins outside the app&apos;s operations: keep this report and contact support.</source>
        <translation>{where}: la billetera tiene {amount} más de lo que espera su registro. Algo cambió las monedas de la billetera fuera de las operaciones de la app: conserve este informe y contacte con soporte.</translation>
    </message>
    <message>
        <source>{where}: the wallet holds {amount} less than its ledger expects. Something changed the wallet&apos;s coins outside the app&apos;s operations: keep this report and contact support.</source>
        <translation>{where}: la billetera tiene {amount} menos de lo que espera su registro. Algo cambió las monedas de la billetera fuera de las operaciones de la app: conserve este informe y contacte con soporte.</translation>
    </message>
    <message>
        <source>{where}: {amount} are held by operations that have not finished (a payment to Lightning or an export in flight); recovery finishes them.</source>
        <translation>{where}: {amount} están retenidos por operaciones sin terminar (un pago Lightning o una exportación en curso); la recuperación las termina.</translation>
    </message>
    <message>
        <source>{where}: the mint did not answer; the drawer was not confirmed there.</source>
        <translation>{where}: el mint no respondió; la caja no se confirmó allí.</translation>
    </message>
    <message>
        <source>{where}: the mint says {amount} the wallet holds are already spent. Run Check in Wallet to correct the balance.</source>
        <translation>{where}: según el mint, {amount} de la billetera ya están gastados. Ejecute Comprobar en Billetera para corregir el saldo.</translation>
    </message>
    <message>
        <source>{mint}: {amount} of the tokens exported ({purpose}) were not claimed when last checked.</source>
        <translation>{mint}: {amount} de los tokens exportados ({purpose}) no estaban cobrados en la última comprobación.</translation>
    </message>
    <message>
        <source>{count} operation(s) were still open at the close.</source>
        <translation>{count} operación(es) seguían abiertas al cierre.</translation>
    </message>
</context>
<context>
    <name>RerunSetup</name>
    <message>
        <source>Run setup again</source>
        <translation>Repetir la configuración</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Shop: {name}, prices in {currency}</source>
        <translation>Tienda: {name}, precios en {currency}</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(sin nombre)</translation>
    </message>
    <message>
        <source>Payments: {mode}</source>
        <translation>Pagos: {mode}</translation>
    </message>
    <message>
        <source>Preset: {preset}</source>
        <translation>Ajuste predefinido: {preset}</translation>
    </message>
    <message>
        <source>The wallet, its mints and the staff accounts stay as they are.</source>
        <translation>La cartera, sus mints y las cuentas del personal se quedan como están.</translation>
    </message>
    <message>
        <source>Saving the shop&apos;s settings…</source>
        <translation>Guardando los ajustes de la tienda…</translation>
    </message>
</context>
<context>
    <name>RestorePage</name>
    <message>
        <source>Restore from recovery words</source>
        <translation>Restaurar con las palabras de recuperación</translation>
    </message>
    <message>
        <source>Type the 12 or 24 words, in order, separated by spaces.</source>
        <translation>Escriba las 12 o 24 palabras, en orden, separadas por espacios.</translation>
    </message>
    <message>
        <source>word1 word2 word3 …</source>
        <translation>palabra1 palabra2 palabra3 …</translation>
    </message>
    <message>
        <source>After setup, use Restore on the Wallet page to get back the coins this wallet held at your mints.</source>
        <translation>Tras la configuración, use Restaurar en la página Monedero para recuperar las monedas que este monedero tenía en sus mints.</translation>
    </message>
    <message>
        <source>{n} words</source>
        <translation>{n} palabras</translation>
    </message>
</context>
<context>
    <name>SaleCode</name>
    <message>
        <source>Some wallets read only one of the two code formats: the classic one (Cashu NUT-18, creqA) or the shorter one (NUT-26, creqb1). Ctrl+R switches.</source>
        <translation>Algunos monederos solo leen uno de los dos formatos de código: el clásico (Cashu NUT-18, creqA) o el corto (NUT-26, creqb1). Ctrl+R cambia.</translation>
    </message>
    <message>
        <source>Payment request: the customer scans it with a wallet</source>
        <translation>Solicitud de pago: el cliente la escanea con un monedero</translation>
    </message>
    <message>
        <source>Wallet cannot read it? Show the classic code</source>
        <translation>¿El monedero no lo lee? Mostrar el código clásico</translation>
    </message>
    <message>
        <source>Wallet cannot read it? Show the short code</source>
        <translation>¿El monedero no lo lee? Mostrar el código corto</translation>
    </message>
    <message>
        <source>Change for the customer: {amount}. Let them scan it.</source>
        <translation>Cambio para el cliente: {amount}. Deje que lo escanee.</translation>
    </message>
</context>
<context>
    <name>SaleDetailsDialog</name>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Método</translation>
    </message>
    <message>
        <source>Mint</source>
        <translation>Mint</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Credited</source>
        <translation>Abonado</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Comisiones</translation>
    </message>
    <message>
        <source>Proof</source>
        <translation>Prueba</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Sale {id}</source>
        <translation>Venta {id}</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>No token was offered for this sale.</source>
        <translation>No se ofreció ningún token para esta venta.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>Hand this token back to the customer.</source>
        <translation>Devuelva este token al cliente.</translation>
    </message>
    <message>
        <source>Copy change token</source>
        <translation>Copiar token de cambio</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Pagos</translation>
    </message>
    <message>
        <source>Payment request</source>
        <translation>Solicitud de pago</translation>
    </message>
    <message>
        <source>Refund…</source>
        <translation>Reembolsar…</translation>
    </message>
    <message>
        <source>Give the customer money back as an ecash token.</source>
        <translation>Devolver dinero al cliente como token de ecash.</translation>
    </message>
    <message>
        <source>Check refund claims</source>
        <translation>Comprobar reembolsos</translation>
    </message>
    <message>
        <source>Ask the mints whether the customer redeemed the refund tokens.</source>
        <translation>Preguntar a las mints si el cliente ha canjeado los tokens de reembolso.</translation>
    </message>
    <message>
        <source>Sale id</source>
        <translation>N.º de venta</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>A pagar</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Pagada</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Reembolso</translation>
    </message>
    <message>
        <source>Exchange rate</source>
        <translation>Tipo de cambio</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creada</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Caduca</translation>
    </message>
    <message>
        <source>Paid at</source>
        <translation>Pagada el</translation>
    </message>
    <message>
        <source>(includes {fee} fee advance)</source>
        <translation>(incluye {fee} de anticipo de comisión)</translation>
    </message>
    <message>
        <source>1 BTC = {price}</source>
        <translation>1 BTC = {price}</translation>
    </message>
    <message>
        <source>{paid}, {remaining} remaining</source>
        <translation>{paid}, faltan {remaining}</translation>
    </message>
    <message>
        <source>Refund {when}: {amount}</source>
        <translation>Reembolso {when}: {amount}</translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation>Cobrado</translation>
    </message>
    <message>
        <source>Lightning</source>
        <translation>Lightning</translation>
    </message>
    <message>
        <source>Converted</source>
        <translation>Convertido</translation>
    </message>
    <message>
        <source>Proven</source>
        <translation>Probado</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verificado</translation>
    </message>
    <message>
        <source>Not proven</source>
        <translation>No probado</translation>
    </message>
    <message>
        <source>Does not match</source>
        <translation>No coincide</translation>
    </message>
    <message>
        <source>(offline)</source>
        <translation>(sin conexión)</translation>
    </message>
    <message>
        <source>Mint fee {mint}, Lightning fee {ln}</source>
        <translation>Comisión del mint {mint}, comisión Lightning {ln}</translation>
    </message>
    <message>
        <source>{state}: {amount} of {took} given back</source>
        <translation>{state}: {amount} de {took} devuelto</translation>
    </message>
    <message>
        <source>{when}: {amount}, {claim}{reason}</source>
        <translation>{when}: {amount}, {claim}{reason}</translation>
    </message>
    <message>
        <source>{amount} owed to the customer (see Needs attention)</source>
        <translation>{amount} debido al cliente (vea «Requiere atención»)</translation>
    </message>
    <message>
        <source>{amount} given back as a token, {when}</source>
        <translation>{amount} devuelto como token, {when}</translation>
    </message>
    <message>
        <source>{amount} given back otherwise, {when}: {note}</source>
        <translation>{amount} devuelto de otra forma, {when}: {note}</translation>
    </message>
    <message>
        <source>Change: {amount}</source>
        <translation>Cambio: {amount}</translation>
    </message>
</context>
<context>
    <name>SaleRefundDialog</name>
    <message>
        <source>Refund sale {sale}</source>
        <translation>Reembolsar la venta {sale}</translation>
    </message>
    <message>
        <source>Save to file…</source>
        <translation>Guardar en archivo…</translation>
    </message>
    <message>
        <source>Write the token (and its QR picture) to a folder.</source>
        <translation>Guardar el token (y su imagen QR) en una carpeta.</translation>
    </message>
    <message>
        <source>Refund sale {sale}: up to {amount}</source>
        <translation>Reembolsar la venta {sale}: hasta {amount}</translation>
    </message>
    <message>
        <source>The money is given back as an ecash token the customer scans or takes as a file, from the mint they paid with when the shop holds enough there. The sale stays in the day&apos;s sales; the refund is counted apart.</source>
        <translation>El dinero se devuelve como un token de ecash que el cliente escanea o recibe como archivo, de la mint con la que pagó si la tienda tiene suficiente allí. La venta sigue en las ventas del día; el reembolso se cuenta aparte.</translation>
    </message>
    <message>
        <source>Why (kept with the refund)</source>
        <translation>Motivo (se guarda con el reembolso)</translation>
    </message>
    <message>
        <source>Amount ({unit})</source>
        <translation>Importe ({unit})</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Save to</source>
        <translation>Guardar en</translation>
    </message>
    <message>
        <source>Refund…</source>
        <translation>Reembolsar…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Type an amount from 1 to {rest}.</source>
        <translation>Escriba un importe de 1 a {rest}.</translation>
    </message>
    <message>
        <source>Give {amount} back to the customer of sale {sale}? This cannot be undone.</source>
        <translation>¿Devolver {amount} al cliente de la venta {sale}? No se puede deshacer.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Make refund token</source>
        <translation>Crear token de reembolso</translation>
    </message>
    <message>
        <source>These lines come to {amount}, more than the {rest} left to give back.</source>
        <translation>Estas líneas suman {amount}, más que los {rest} que quedan por devolver.</translation>
    </message>
    <message>
        <source>Working out the lines&apos; amount…</source>
        <translation>Calculando el importe de las líneas…</translation>
    </message>
    <message>
        <source>Give {amount} back for {count} line(s) of sale {sale}? This cannot be undone.</source>
        <translation>¿Devolver {amount} por {count} línea(s) de la venta {sale}? No se puede deshacer.</translation>
    </message>
    <message>
        <source>Making the token…</source>
        <translation>Creando el token…</translation>
    </message>
    <message>
        <source>Make the refund token</source>
        <translation>Crear el token de reembolso</translation>
    </message>
    <message>
        <source>The file could not be saved to that folder. The token is kept.</source>
        <translation>No se pudo guardar el archivo en esa carpeta. El token se conserva.</translation>
    </message>
</context>
<context>
    <name>SalesFilterBar</name>
    <message>
        <source>All sales</source>
        <translation>Todas las ventas</translation>
    </message>
    <message>
        <source>Sale state</source>
        <translation>Estado de la venta</translation>
    </message>
    <message>
        <source>Search memo or sale id (Ctrl+F)</source>
        <translation>Buscar nota o n.º de venta (Ctrl+F)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Quitar filtros</translation>
    </message>
    <message>
        <source>to</source>
        <translation>hasta</translation>
    </message>
</context>
<context>
    <name>SalesModel</name>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Venta</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Due in sat</source>
        <translation>Debido en sat</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Pagado</translation>
    </message>
    <message>
        <source>Mint</source>
        <translation>Mint</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Nota</translation>
    </message>
</context>
<context>
    <name>ScanPanel</name>
    <message>
        <source>Reading animated code… %p%</source>
        <translation>Leyendo código animado… %p%</translation>
    </message>
    <message>
        <source>Or paste a token here and press Enter</source>
        <translation>O pegue aquí un token y pulse Intro</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>Pagar</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>Iniciando la cámara…</translation>
    </message>
    <message>
        <source>That is a payment request, not a token. Ask the customer to show the token from their wallet.</source>
        <translation>Eso es una solicitud de pago, no un token. Pida al cliente que muestre el token de su monedero.</translation>
    </message>
    <message>
        <source>Camera not available: {error}
Paste the token instead.</source>
        <translation>Cámara no disponible: {error}
Pegue el token en su lugar.</translation>
    </message>
</context>
<context>
    <name>ScheduleStatus</name>
    <message>
        <source>Scheduled export: off (set a time under Settings, Exports).</source>
        <translation>Exportación programada: desactivada (fije una hora en Ajustes, Exportaciones).</translation>
    </message>
    <message>
        <source>Scheduled export at {schedule}: next run {when}.</source>
        <translation>Exportación programada a las {schedule}: próxima ejecución {when}.</translation>
    </message>
    <message>
        <source>Choose a folder for it, or nothing can be exported.</source>
        <translation>Elija una carpeta para ella; si no, no se puede exportar nada.</translation>
    </message>
    <message>
        <source>Last run ({at}): {n} file(s), {amounts}.</source>
        <translation>Última ejecución ({at}): {n} archivo(s), {amounts}.</translation>
    </message>
    <message>
        <source>Last run ({at}): nothing above the amount to keep.</source>
        <translation>Última ejecución ({at}): nada por encima del importe a conservar.</translation>
    </message>
    <message>
        <source>The run of {at} waits for its folder {folder} (is the USB drive plugged in?); tried {n} time(s).</source>
        <translation>La ejecución de las {at} espera su carpeta {folder} (¿está conectada la unidad USB?); {n} intento(s).</translation>
    </message>
    <message>
        <source>The run of {at} is under way.</source>
        <translation>La ejecución de las {at} está en curso.</translation>
    </message>
    <message>
        <source>The run of {at} was cut short: its tokens are in the export history.</source>
        <translation>La ejecución de las {at} se interrumpió: sus tokens están en el historial de exportaciones.</translation>
    </message>
    <message>
        <source>The run of {at} failed: {reason}</source>
        <translation>La ejecución de las {at} falló: {reason}</translation>
    </message>
</context>
<context>
    <name>SeedPage</name>
    <message>
        <source>Your recovery words</source>
        <translation>Sus palabras de recuperación</translation>
    </message>
    <message>
        <source>Write these words on paper, in this order, and keep it safe. They are the only way to get the shop&apos;s money back if this computer is lost. The app does not show them again.</source>
        <translation>Escriba estas palabras en papel, en este orden, y guárdelo en un lugar seguro. Son la única forma de recuperar el dinero de la tienda si se pierde este ordenador. La app no las volverá a mostrar.</translation>
    </message>
    <message>
        <source>I have written down all the words, in order</source>
        <translation>He anotado todas las palabras, en orden</translation>
    </message>
</context>
<context>
    <name>SellPage</name>
    <message>
        <source>Sell</source>
        <translation>Vender</translation>
    </message>
    <message>
        <source>Getting the exchange rate…</source>
        <translation>Obteniendo el tipo de cambio…</translation>
    </message>
    <message>
        <source>No exchange rate right now: the sat amount is set when one is found.</source>
        <translation>Ahora no hay tipo de cambio: el importe en sats se fija en cuanto haya uno.</translation>
    </message>
    <message>
        <source>Type an amount first.</source>
        <translation>Escriba primero un importe.</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Same as the computer</source>
        <translation>Como el ordenador</translation>
    </message>
    <message>
        <source>must be at least {n}</source>
        <translation>debe ser al menos {n}</translation>
    </message>
    <message>
        <source>must be at most {n}</source>
        <translation>debe ser como máximo {n}</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>debe ser un número entero</translation>
    </message>
    <message>
        <source>must be a number such as 95000.50</source>
        <translation>debe ser un número, p. ej. 95000,50</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>debe ser un número</translation>
    </message>
    <message>
        <source>must be on or off</source>
        <translation>debe estar activado o desactivado</translation>
    </message>
    <message>
        <source>choose one of the listed values</source>
        <translation>elija uno de los valores de la lista</translation>
    </message>
    <message>
        <source>choose a currency from the list, or type a three-letter code such as EUR</source>
        <translation>elija una moneda de la lista o escriba un código de tres letras como EUR</translation>
    </message>
    <message>
        <source>must be an https:// address</source>
        <translation>debe ser una dirección https://</translation>
    </message>
    <message>
        <source>plain http is only allowed for this computer (localhost)</source>
        <translation>http sin cifrar solo se permite para este ordenador (localhost)</translation>
    </message>
    <message>
        <source>must look like name@example.com</source>
        <translation>debe tener la forma nombre@example.com</translation>
    </message>
    <message>
        <source>each service needs an address and a path</source>
        <translation>cada servicio necesita una dirección y una ruta</translation>
    </message>
    <message>
        <source>must be a time zone such as Europe/Berlin, or empty for this computer&apos;s time zone</source>
        <translation>debe ser una zona horaria como Europe/Madrid, o vacía para la zona de este ordenador</translation>
    </message>
    <message>
        <source>choose a camera or a video file</source>
        <translation>elija una cámara o un archivo de vídeo</translation>
    </message>
    <message>
        <source>must be a time of day such as 18:30, optionally with weekdays such as 18:30 mon-fri; empty turns it off</source>
        <translation>debe ser una hora como 18:30, opcionalmente con días como 18:30 mon-fri; vacío la desactiva</translation>
    </message>
    <message>
        <source>{day} is not a weekday; use mon, tue, wed, thu, fri, sat, sun (in English)</source>
        <translation>{day} no es un día de la semana; use mon, tue, wed, thu, fri, sat, sun (en inglés)</translation>
    </message>
    <message>
        <source>name at least one weekday, such as mon-fri</source>
        <translation>indique al menos un día, por ejemplo mon-fri</translation>
    </message>
    <message>
        <source>must be a full folder path, such as /media/shop/USB</source>
        <translation>debe ser la ruta completa de una carpeta, por ejemplo /media/shop/USB</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Quedárselo</translation>
    </message>
    <message>
        <source>Hand back change</source>
        <translation>Devolver el cambio</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation>Nombre de la tienda</translation>
    </message>
    <message>
        <source>Printed at the top of receipts and on every report page.</source>
        <translation>Se imprime arriba en los recibos y en cada página de los informes.</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>Tienda</translation>
    </message>
    <message>
        <source>Shop address</source>
        <translation>Dirección de la tienda</translation>
    </message>
    <message>
        <source>Printed under the name on receipts; up to three lines, separated by |.</source>
        <translation>Se imprime bajo el nombre en los recibos; hasta tres líneas, separadas por |.</translation>
    </message>
    <message>
        <source>VAT number</source>
        <translation>NIF-IVA</translation>
    </message>
    <message>
        <source>Printed on receipts when set.</source>
        <translation>Se imprime en los recibos si está configurado.</translation>
    </message>
    <message>
        <source>Receipt paper</source>
        <translation>Papel de recibos</translation>
    </message>
    <message>
        <source>The width of the receipt printer&apos;s roll (58 or 80 mm), or A4 sheets. PDF receipts use it too.</source>
        <translation>El ancho del rollo de la impresora de recibos (58 u 80 mm), o folios A4. Los recibos en PDF también lo usan.</translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation>Impresora de recibos</translation>
    </message>
    <message>
        <source>Print receipts on this printer without asking. Empty: choose in the print dialog each time.</source>
        <translation>Imprimir los recibos en esta impresora sin preguntar. Vacío: elegir cada vez en el diálogo de impresión.</translation>
    </message>
    <message>
        <source>Lock the till after (minutes idle)</source>
        <translation>Bloquear la caja tras (minutos de inactividad)</translation>
    </message>
    <message>
        <source>With staff accounts, the till goes back to the Sell page and asks who is there after this long without a touch or a key (never during a sale). 0: never.</source>
        <translation>Con cuentas de personal, la caja vuelve a la página Vender y pregunta quién está tras este tiempo sin toques ni teclas (nunca durante una venta). 0: nunca.</translation>
    </message>
    <message>
        <source>Lock an account after (wrong PINs)</source>
        <translation>Bloquear una cuenta tras (PIN erróneos)</translation>
    </message>
    <message>
        <source>This many wrong PINs in a row lock the account and notify the owner. Each wrong PIN already makes the next try wait longer.</source>
        <translation>Tantos PIN erróneos seguidos bloquean la cuenta y avisan al propietario. Cada PIN erróneo ya alarga la espera hasta el siguiente intento.</translation>
    </message>
    <message>
        <source>Locked account waits (minutes)</source>
        <translation>Una cuenta bloqueada espera (minutos)</translation>
    </message>
    <message>
        <source>How long an account stays locked after too many wrong PINs, unless the owner unlocks it in Staff.</source>
        <translation>Cuánto tiempo queda bloqueada una cuenta tras demasiados PIN erróneos, salvo que el propietario la desbloquee en Personal.</translation>
    </message>
    <message>
        <source>Till name</source>
        <translation>Nombre de la caja</translation>
    </message>
    <message>
        <source>Names this till on Z reports and in webhooks, where a shop has several tills.</source>
        <translation>Nombra esta caja en los informes Z y en los webhooks, cuando una tienda tiene varias cajas.</translation>
    </message>
    <message>
        <source>Shop time zone</source>
        <translation>Zona horaria de la tienda</translation>
    </message>
    <message>
        <source>Where report days start and end, such as Europe/Berlin. Empty: this computer&apos;s time zone.</source>
        <translation>Dónde empiezan y terminan los días de los informes, por ejemplo Europe/Madrid. Vacío: la zona horaria de este ordenador.</translation>
    </message>
    <message>
        <source>Which payments to accept</source>
        <translation>Qué pagos aceptar</translation>
    </message>
    <message>
        <source>Keep ecash from the shop&apos;s own mints only, or also take ecash from other mints and pay it straight out to the shop&apos;s Lightning address.</source>
        <translation>Guardar solo e-cash de los mints de la tienda, o aceptar también e-cash de otros mints y pagarlo directamente a la dirección Lightning de la tienda.</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Pagos</translation>
    </message>
    <message>
        <source>Shop currency</source>
        <translation>Moneda de la tienda</translation>
    </message>
    <message>
        <source>The currency prices are typed in. Bitcoin (sat) needs no exchange rate.</source>
        <translation>La moneda en que se escriben los precios. Bitcoin (sat) no necesita tipo de cambio.</translation>
    </message>
    <message>
        <source>When a customer pays too much</source>
        <translation>Si un cliente paga de más</translation>
    </message>
    <message>
        <source>Hand the difference back as change the customer scans, or keep it.</source>
        <translation>Devolver la diferencia como cambio que el cliente escanea, o quedársela.</translation>
    </message>
    <message>
        <source>Price hold (seconds)</source>
        <translation>Precio fijado (segundos)</translation>
    </message>
    <message>
        <source>How long a sale keeps its price in sats. After that the customer needs a new payment code.</source>
        <translation>Cuánto tiempo mantiene una venta su precio en sats. Después, el cliente necesita un nuevo código de pago.</translation>
    </message>
    <message>
        <source>Service fee added to each sale (sat)</source>
        <translation>Cargo de servicio por venta (sat)</translation>
    </message>
    <message>
        <source>A fixed amount the customer pays on top of the price, to cover the mint&apos;s fees.</source>
        <translation>Un importe fijo que el cliente paga además del precio, para cubrir las comisiones del mint.</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Comisiones</translation>
    </message>
    <message>
        <source>Highest mint fee (%)</source>
        <translation>Comisión máxima del mint (%)</translation>
    </message>
    <message>
        <source>Refuse a payment when the mint would keep more than this share of it as a fee.</source>
        <translation>Rechazar un pago si el mint se quedaría más de esta parte como comisión.</translation>
    </message>
    <message>
        <source>Highest Lightning fee (%)</source>
        <translation>Comisión Lightning máxima (%)</translation>
    </message>
    <message>
        <source>Refuse to pay a token out to Lightning when the fee would be more than this share of it.</source>
        <translation>No pagar un token por Lightning si la comisión superaría esta parte.</translation>
    </message>
    <message>
        <source>Fees always accepted up to</source>
        <translation>Comisiones siempre aceptadas hasta</translation>
    </message>
    <message>
        <source>A fee of at most this many sat (or cents) is never refused, whatever its share of the payment: a 1 sat fee is 2.86% of a 35 sat token.</source>
        <translation>Una comisión de como mucho estos sat (o céntimos) nunca se rechaza, sea cual sea su parte del pago: 1 sat de comisión es el 2,86 % de un token de 35 sat.</translation>
    </message>
    <message>
        <source>Fixed price of one bitcoin</source>
        <translation>Precio fijo de un bitcoin</translation>
    </message>
    <message>
        <source>In the shop currency. Used when no exchange rate service answers; 0 means none.</source>
        <translation>En la moneda de la tienda. Se usa cuando ningún servicio de cambio responde; 0 significa ninguno.</translation>
    </message>
    <message>
        <source>Exchange rate</source>
        <translation>Tipo de cambio</translation>
    </message>
    <message>
        <source>Exchange rate services</source>
        <translation>Servicios de tipo de cambio</translation>
    </message>
    <message>
        <source>Web addresses that give the price of one bitcoin, and where in their answer the price is (for example bitcoin.eur).</source>
        <translation>Direcciones web que dan el precio de un bitcoin, y dónde está el precio en su respuesta (por ejemplo bitcoin.eur).</translation>
    </message>
    <message>
        <source>Use a rate for at most (seconds)</source>
        <translation>Usar un tipo de cambio como máximo (segundos)</translation>
    </message>
    <message>
        <source>An older exchange rate is fetched again before use.</source>
        <translation>Un tipo de cambio más antiguo se vuelve a obtener antes de usarlo.</translation>
    </message>
    <message>
        <source>Lightning address</source>
        <translation>Dirección Lightning</translation>
    </message>
    <message>
        <source>Where payments from other mints are sent: name@example.com, or an LNURL-pay address.</source>
        <translation>Adónde van los pagos de otros mints: nombre@example.com o una dirección LNURL-pay.</translation>
    </message>
    <message>
        <source>Lightning</source>
        <translation>Lightning</translation>
    </message>
    <message>
        <source>Withdraw to the Lightning address automatically</source>
        <translation>Retirar automáticamente a la dirección Lightning</translation>
    </message>
    <message>
        <source>When the shop holds more than the threshold at one of its mints, pay a share of it to the Lightning address above.</source>
        <translation>Cuando la tienda tiene más que el umbral en una de sus mints, se paga una parte a la dirección Lightning de arriba.</translation>
    </message>
    <message>
        <source>Withdraw when a mint holds more than (sat)</source>
        <translation>Retirar cuando una mint tenga más de (sat)</translation>
    </message>
    <message>
        <source>Checked per mint. It must be at least the smallest amount the Lightning address accepts.</source>
        <translation>Se comprueba por mint. Debe ser al menos el importe más pequeño que acepta la dirección Lightning.</translation>
    </message>
    <message>
        <source>Share of the balance to withdraw (%)</source>
        <translation>Parte del saldo a retirar (%)</translation>
    </message>
    <message>
        <source>The rest stays at the mint to pay the fees and to give change.</source>
        <translation>El resto se queda en la mint para pagar las comisiones y dar el cambio.</translation>
    </message>
    <message>
        <source>Highest withdrawal fee (%)</source>
        <translation>Comisión de retiro máxima (%)</translation>
    </message>
    <message>
        <source>A withdrawal whose mint and Lightning fees would be more than this share of it is not paid; the owner is told.</source>
        <translation>Un retiro cuyas comisiones de mint y Lightning superarían esta parte no se paga; se avisa al propietario.</translation>
    </message>
    <message>
        <source>Renew coins expiring within (days)</source>
        <translation>Renovar las monedas que caducan en (días)</translation>
    </message>
    <message>
        <source>Coins on a mint&apos;s old keys, or on keys that expire this soon, are swapped for coins on its current keys automatically.</source>
        <translation>Las monedas con claves antiguas de una mint, o con claves que caducan tan pronto, se cambian automáticamente por monedas con sus claves actuales.</translation>
    </message>
    <message>
        <source>Highest fee to renew old coins (sat)</source>
        <translation>Comisión máxima para renovar monedas antiguas (sat)</translation>
    </message>
    <message>
        <source>When a mint would charge more to swap its old coins, they are left and the owner is told.</source>
        <translation>Si una mint cobrara más por cambiar sus monedas antiguas, se dejan como están y se avisa al propietario.</translation>
    </message>
    <message>
        <source>Take tokens from other mints by converting them</source>
        <translation>Aceptar tokens de otras mints convirtiéndolos</translation>
    </message>
    <message>
        <source>A token from a mint the shop does not trust is paid over Lightning into the shop&apos;s first mint and kept as ecash there. The customer&apos;s token pays the Lightning fee; the shop&apos;s fee limits are checked before anything is spent.</source>
        <translation>Un token de una mint en la que la tienda no confía se paga por Lightning a la primera mint de la tienda y se guarda allí como ecash. El token del cliente paga la comisión Lightning; los límites de comisión de la tienda se comprueban antes de gastar nada.</translation>
    </message>
    <message>
        <source>Accept payments while a mint is offline</source>
        <translation>Aceptar pagos mientras un mint está sin conexión</translation>
    </message>
    <message>
        <source>Only for tokens made out to this shop that prove they are genuine; they are redeemed when the mint is back. Up to the limits below.</source>
        <translation>Solo para tokens a nombre de esta tienda que demuestran ser auténticos; se cobran cuando vuelve el mint. Hasta los límites de abajo.</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>Offline limit per sale (sat)</source>
        <translation>Límite sin conexión por venta (sat)</translation>
    </message>
    <message>
        <source>Largest amount accepted offline for one sale.</source>
        <translation>Importe máximo aceptado sin conexión para una venta.</translation>
    </message>
    <message>
        <source>Offline limit per day (sat)</source>
        <translation>Límite sin conexión por día (sat)</translation>
    </message>
    <message>
        <source>Largest total accepted offline in one day.</source>
        <translation>Total máximo aceptado sin conexión en un día.</translation>
    </message>
    <message>
        <source>Largest sale (sat)</source>
        <translation>Venta máxima (sat)</translation>
    </message>
    <message>
        <source>A larger sale is refused before the customer pays. 0: no limit.</source>
        <translation>Una venta mayor se rechaza antes de que el cliente pague. 0: sin límite.</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Límites</translation>
    </message>
    <message>
        <source>Largest sale by a cashier (sat)</source>
        <translation>Venta máxima de un cajero (sat)</translation>
    </message>
    <message>
        <source>With staff accounts, a cashier&apos;s larger sale is refused. It can only be lower than the largest sale. 0: the largest sale applies.</source>
        <translation>Con cuentas de personal, se rechaza una venta mayor de un cajero. Solo puede ser menor que la venta máxima. 0: se aplica la venta máxima.</translation>
    </message>
    <message>
        <source>Largest sale by a manager (sat)</source>
        <translation>Venta máxima de un encargado (sat)</translation>
    </message>
    <message>
        <source>With staff accounts, a manager&apos;s larger sale is refused. It can only be lower than the largest sale. 0: the largest sale applies.</source>
        <translation>Con cuentas de personal, se rechaza una venta mayor de un encargado. Solo puede ser menor que la venta máxima. 0: se aplica la venta máxima.</translation>
    </message>
    <message>
        <source>Cashiers&apos; total per day (sat)</source>
        <translation>Total diario de los cajeros (sat)</translation>
    </message>
    <message>
        <source>With staff accounts, online payments of the sales all cashiers make in one day (UTC) stop at this total. 0: only the shop&apos;s total per day applies.</source>
        <translation>Con cuentas de personal, los pagos en línea de las ventas de todos los cajeros en un día (UTC) se detienen en este total. 0: solo se aplica el total diario de la tienda.</translation>
    </message>
    <message>
        <source>Managers&apos; total per day (sat)</source>
        <translation>Total diario de los encargados (sat)</translation>
    </message>
    <message>
        <source>With staff accounts, online payments of the sales all managers make in one day (UTC) stop at this total. 0: only the shop&apos;s total per day applies.</source>
        <translation>Con cuentas de personal, los pagos en línea de las ventas de todos los encargados en un día (UTC) se detienen en este total. 0: solo se aplica el total diario de la tienda.</translation>
    </message>
    <message>
        <source>Largest total per day (sat)</source>
        <translation>Total máximo por día (sat)</translation>
    </message>
    <message>
        <source>Online payments taken in one day (UTC) stop at this total. 0: no limit.</source>
        <translation>Los pagos online de un día (UTC) se detienen en este total. 0: sin límite.</translation>
    </message>
    <message>
        <source>Manager&apos;s OK above (sat)</source>
        <translation>Visto bueno del encargado por encima de (sat)</translation>
    </message>
    <message>
        <source>With staff accounts, a cashier&apos;s sale above this needs a manager&apos;s PIN. 0: never.</source>
        <translation>Con cuentas de personal, una venta de un cajero por encima de este importe necesita el PIN de un encargado. 0: nunca.</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Cámara</translation>
    </message>
    <message>
        <source>The camera that reads customers&apos; codes, or a video file for testing.</source>
        <translation>La cámara que lee los códigos de los clientes, o un archivo de vídeo para pruebas.</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Dispositivos</translation>
    </message>
    <message>
        <source>Customer display</source>
        <translation>Pantalla del cliente</translation>
    </message>
    <message>
        <source>A second screen that shows the customer the amount and the code.</source>
        <translation>Una segunda pantalla que muestra al cliente el importe y el código.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>The language of the app. The new language shows after a restart.</source>
        <translation>El idioma de la app. El nuevo idioma aparece tras reiniciar.</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Colores</translation>
    </message>
    <message>
        <source>Light or dark screens, or the same as the computer&apos;s setting.</source>
        <translation>Pantallas claras u oscuras, o como el ajuste del ordenador.</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Pantalla</translation>
    </message>
    <message>
        <source>Full screen till</source>
        <translation>Caja a pantalla completa</translation>
    </message>
    <message>
        <source>Fill the whole screen without a window frame, as a till at the counter.</source>
        <translation>Ocupar toda la pantalla sin marco de ventana, como una caja en el mostrador.</translation>
    </message>
    <message>
        <source>First retry after (seconds)</source>
        <translation>Primer reintento tras (segundos)</translation>
    </message>
    <message>
        <source>When a mint does not answer, the app keeps the token and tries again after this long.</source>
        <translation>Cuando un mint no responde, la app guarda el token y lo reintenta pasado este tiempo.</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Reintentos</translation>
    </message>
    <message>
        <source>Wait longer each time (times)</source>
        <translation>Esperar más cada vez (veces)</translation>
    </message>
    <message>
        <source>Each further retry waits this many times longer than the one before (2: twice as long).</source>
        <translation>Cada reintento espera tantas veces más que el anterior (2: el doble).</translation>
    </message>
    <message>
        <source>Longest wait (seconds)</source>
        <translation>Espera máxima (segundos)</translation>
    </message>
    <message>
        <source>Retries never wait longer than this.</source>
        <translation>Los reintentos nunca esperan más que esto.</translation>
    </message>
    <message>
        <source>Tries before asking the owner</source>
        <translation>Intentos antes de avisar al responsable</translation>
    </message>
    <message>
        <source>After this many failed tries the payment is listed under Needs attention.</source>
        <translation>Tras este número de intentos fallidos, el pago aparece en «Requiere atención».</translation>
    </message>
    <message>
        <source>Check the mints every (seconds)</source>
        <translation>Comprobar los mints cada (segundos)</translation>
    </message>
    <message>
        <source>How often the app checks that the shop&apos;s mints are answering.</source>
        <translation>Con qué frecuencia la app comprueba que los mints de la tienda responden.</translation>
    </message>
    <message>
        <source>Where the API listens and its port: 127.0.0.1 for this computer only; 0.0.0.0 or a network address of this computer for others (encrypted, see below). Applies at the next start.</source>
        <translation>Dónde escucha la API, con su puerto: 127.0.0.1 solo para este ordenador; 0.0.0.0 o una dirección de red de este ordenador para otros (cifrado, ver abajo). Se aplica en el próximo inicio.</translation>
    </message>
    <message>
        <source>API address for customers&apos; wallets</source>
        <translation>Dirección de la API para los monederos de los clientes</translation>
    </message>
    <message>
        <source>The address customers&apos; wallets reach this till&apos;s API at, e.g. https://192.168.1.20:8787: each sale&apos;s code then lets a wallet pay over the network, without the camera. Empty: no network payments. Applies at the next start.</source>
        <translation>La dirección en la que los monederos de los clientes alcanzan la API de esta caja, p. ej. https://192.168.1.20:8787: el código de cada venta permite entonces pagar por la red, sin la cámara. Vacía: sin pagos por la red. Se aplica en el próximo inicio.</translation>
    </message>
    <message>
        <source>Mints</source>
        <translation>Mints</translation>
    </message>
    <message>
        <source>Scheduled export</source>
        <translation>Exportación programada</translation>
    </message>
    <message>
        <source>Export the ecash above the amount to keep, every day at this time in the shop&apos;s time zone, such as 18:30, or on some days, such as 18:30 mon-fri. Empty: off.</source>
        <translation>Exporta el e-cash por encima del importe a conservar, cada día a esta hora en la zona horaria de la tienda, por ejemplo 18:30, o algunos días, por ejemplo 18:30 mon-fri. Vacío: desactivada.</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>Exportaciones</translation>
    </message>
    <message>
        <source>Scheduled export folder</source>
        <translation>Carpeta de la exportación programada</translation>
    </message>
    <message>
        <source>Where the token files and their list go, usually the USB drive. It must exist at export time: the app never creates it.</source>
        <translation>Dónde van los archivos de token y su lista, normalmente la unidad USB. La carpeta debe existir al exportar: la aplicación nunca la crea.</translation>
    </message>
    <message>
        <source>Amount to keep per mint</source>
        <translation>Importe a conservar por mint</translation>
    </message>
    <message>
        <source>The scheduled export leaves this much at each mint, in each unit (sat or cents), for change; only what is above it is exported.</source>
        <translation>La exportación programada deja este importe en cada mint, en cada unidad (sat o céntimos), para el cambio; solo se exporta lo que lo supera.</translation>
    </message>
    <message>
        <source>Watch exported tokens for (days)</source>
        <translation>Vigilar los tokens exportados durante (días)</translation>
    </message>
    <message>
        <source>Exported tokens and customers&apos; change are checked for claims automatically for this many days; older ones only when you press Check claims.</source>
        <translation>Los tokens exportados y el cambio de los clientes se comprueban automáticamente durante estos días; los más antiguos solo cuando pulsa Comprobar canjes.</translation>
    </message>
    <message>
        <source>VAT rates (%)</source>
        <translation>Tipos de IVA (%)</translation>
    </message>
    <message>
        <source>The VAT rates items can have, separated by commas, such as 19, 7, 0. The first is the default for items and amounts without a rate.</source>
        <translation>Los tipos de IVA de los artículos, separados por comas, como 21, 10, 0. El primero se aplica a los artículos e importes sin tipo.</translation>
    </message>
    <message>
        <source>VAT and tips</source>
        <translation>IVA y propinas</translation>
    </message>
    <message>
        <source>Prices include VAT</source>
        <translation>Precios con IVA incluido</translation>
    </message>
    <message>
        <source>On: prices and typed amounts are what the customer pays (gross). Off: VAT is added on top of them (net).</source>
        <translation>Activado: los precios e importes tecleados son lo que paga el cliente (bruto). Desactivado: el IVA se suma (neto).</translation>
    </message>
    <message>
        <source>Round VAT</source>
        <translation>Redondeo del IVA</translation>
    </message>
    <message>
        <source>line: each line&apos;s VAT is rounded and added up. total: the VAT of each rate is worked out once on the sum of its lines.</source>
        <translation>line: el IVA de cada línea se redondea y se suma. total: el IVA de cada tipo se calcula una vez sobre la suma de sus líneas.</translation>
    </message>
    <message>
        <source>Offer tips</source>
        <translation>Ofrecer propina</translation>
    </message>
    <message>
        <source>Ask the customer for a tip after the total. The tip is kept apart from the sales amount.</source>
        <translation>Pedir propina al cliente después del total. La propina se cuenta aparte de las ventas.</translation>
    </message>
    <message>
        <source>Tip presets (%)</source>
        <translation>Propinas sugeridas (%)</translation>
    </message>
    <message>
        <source>The tip percents offered, separated by commas; the customer can also give another amount.</source>
        <translation>Los porcentajes ofrecidos, separados por comas; el cliente también puede dar otro importe.</translation>
    </message>
    <message>
        <source>Discount without a manager (%)</source>
        <translation>Descuento sin encargado (%)</translation>
    </message>
    <message>
        <source>A discount above this share of the sale needs a manager&apos;s approval.</source>
        <translation>Un descuento por encima de esta parte de la venta necesita la aprobación de un encargado.</translation>
    </message>
    <message>
        <source>Local API</source>
        <translation>API local</translation>
    </message>
    <message>
        <source>Serve the REST API (/api/v1) for an online shop, a kitchen screen or a kiosk on this computer; every call needs an API key. Applies at the next start.</source>
        <translation>Servir la API REST (/api/v1) para una tienda en línea, una pantalla de cocina o un quiosco en este ordenador; cada llamada necesita una clave de API. Se aplica en el próximo inicio.</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>API address</source>
        <translation>Dirección de la API</translation>
    </message>
    <message>
        <source>API calls per key a minute</source>
        <translation>Llamadas a la API por clave y minuto</translation>
    </message>
    <message>
        <source>More calls with one key are refused for a moment (429); one address may make twice as many with all its keys. Applies at the next start.</source>
        <translation>Las llamadas de más con una clave se rechazan un momento (429); una dirección puede hacer el doble con todas sus claves. Se aplica en el próximo inicio.</translation>
    </message>
    <message>
        <source>API encryption (TLS)</source>
        <translation>Cifrado de la API (TLS)</translation>
    </message>
    <message>
        <source>auto: a certificate the till makes itself when the address is on the network, plain HTTP on this computer only; self_signed: that certificate always; own: the shop&apos;s certificate below; off: plain HTTP (on the network only with the setting below). Applies at the next start.</source>
        <translation>auto: un certificado que la caja crea por sí misma cuando la dirección está en la red, HTTP simple solo en este ordenador; self_signed: siempre ese certificado; own: el certificado de la tienda (abajo); off: HTTP simple (en la red solo con el ajuste de abajo). Se aplica en el próximo inicio.</translation>
    </message>
    <message>
        <source>API certificate file</source>
        <translation>Archivo del certificado de la API</translation>
    </message>
    <message>
        <source>With encryption own: the shop&apos;s certificate (PEM, with its chain).</source>
        <translation>Con el cifrado own: el certificado de la tienda (PEM, con su cadena).</translation>
    </message>
    <message>
        <source>API certificate key file</source>
        <translation>Archivo de clave del certificado de la API</translation>
    </message>
    <message>
        <source>With encryption own: the certificate&apos;s private key (PEM, without a password; readable only by the till&apos;s user).</source>
        <translation>Con el cifrado own: la clave privada del certificado (PEM, sin contraseña; legible solo por el usuario de la caja).</translation>
    </message>
    <message>
        <source>Plain HTTP on the network</source>
        <translation>HTTP simple en la red</translation>
    </message>
    <message>
        <source>Allow encryption off on a network address: anyone on the network can then read API keys and payments. Applies at the next start.</source>
        <translation>Permitir el cifrado off en una dirección de red: cualquiera en la red puede entonces leer las claves de API y los pagos. Se aplica en el próximo inicio.</translation>
    </message>
    <message>
        <source>API only for</source>
        <translation>API solo para</translation>
    </message>
    <message>
        <source>Addresses or networks that may call the API, separated by commas (192.168.1.0/24, 10.0.0.7); empty: every address. Applies at the next start.</source>
        <translation>Direcciones o redes que pueden llamar a la API, separadas por comas (192.168.1.0/24, 10.0.0.7); vacío: todas las direcciones. Se aplica en el próximo inicio.</translation>
    </message>
    <message>
        <source>API never for</source>
        <translation>API nunca para</translation>
    </message>
    <message>
        <source>Addresses or networks always refused, separated by commas. Applies at the next start.</source>
        <translation>Direcciones o redes siempre rechazadas, separadas por comas. Se aplica en el próximo inicio.</translation>
    </message>
    <message>
        <source>Webhooks to the local network</source>
        <translation>Webhooks a la red local</translation>
    </message>
    <message>
        <source>Allow webhook receivers on this computer or the shop&apos;s network. Link-local and cloud metadata addresses are always refused.</source>
        <translation>Permitir receptores de webhooks en este ordenador o en la red de la tienda. Las direcciones link-local y de metadatos de la nube siempre se rechazan.</translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
    <message>
        <source>Keep webhook history (days)</source>
        <translation>Conservar el historial de webhooks (días)</translation>
    </message>
    <message>
        <source>Delivered and failed webhooks are forgotten after this many days.</source>
        <translation>Los webhooks entregados o fallidos se olvidan tras este número de días.</translation>
    </message>
    <message>
        <source>Old webhook secret valid for (hours)</source>
        <translation>Secreto de webhook anterior válido durante (horas)</translation>
    </message>
    <message>
        <source>After a new secret is made, the old one also signs for this long, so receivers can be updated without losing events.</source>
        <translation>Tras crear un secreto nuevo, el anterior también firma durante este tiempo, para actualizar los receptores sin perder eventos.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Artículos</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Show advanced settings</source>
        <translation>Mostrar ajustes avanzados</translation>
    </message>
    <message>
        <source>Audit log…</source>
        <translation>Registro de auditoría…</translation>
    </message>
    <message>
        <source>Who did what and when; check that nobody changed the log.</source>
        <translation>Quién hizo qué y cuándo; comprobar que nadie ha modificado el registro.</translation>
    </message>
    <message>
        <source>Presets…</source>
        <translation>Plantillas…</translation>
    </message>
    <message>
        <source>Settings for a cafe, a market stall, a shop with an online store…</source>
        <translation>Ajustes para una cafetería, un puesto de mercado, una tienda con venta online…</translation>
    </message>
    <message>
        <source>Run setup again…</source>
        <translation>Repetir configuración…</translation>
    </message>
    <message>
        <source>The shop, how payments are kept and the Lightning address, step by step.</source>
        <translation>La tienda, cómo se guardan los pagos y la dirección Lightning, paso a paso.</translation>
    </message>
    <message>
        <source>Most shops never change these: the defaults are safe.</source>
        <translation>La mayoría de las tiendas nunca los cambian: los valores predeterminados son seguros.</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Save  (Ctrl+S)</source>
        <translation>Guardar  (Ctrl+S)</translation>
    </message>
    <message>
        <source>Export settings…</source>
        <translation>Exportar ajustes…</translation>
    </message>
    <message>
        <source>Import settings…</source>
        <translation>Importar ajustes…</translation>
    </message>
    <message>
        <source>Setup saved.</source>
        <translation>Configuración guardada.</translation>
    </message>
    <message>
        <source>Hide advanced settings</source>
        <translation>Ocultar ajustes avanzados</translation>
    </message>
    <message>
        <source>Trusted mints</source>
        <translation>Mints de confianza</translation>
    </message>
    <message>
        <source>Changes to mints apply at once.</source>
        <translation>Los cambios en los mints se aplican al momento.</translation>
    </message>
    <message>
        <source>This till only</source>
        <translation>Solo esta caja</translation>
    </message>
    <message>
        <source>Each till of the shop keeps its own value.</source>
        <translation>Cada caja de la tienda guarda su propio valor.</translation>
    </message>
    <message>
        <source>All tills</source>
        <translation>Todas las cajas</translation>
    </message>
    <message>
        <source>A change here applies to every till of the shop.</source>
        <translation>Un cambio aquí se aplica a todas las cajas de la tienda.</translation>
    </message>
    <message>
        <source>Unsaved changes.</source>
        <translation>Cambios sin guardar.</translation>
    </message>
    <message>
        <source>Imported {n} setting(s).</source>
        <translation>{n} ajuste(s) importado(s).</translation>
    </message>
    <message>
        <source>The Lightning address accepts {n} sat or more: the withdrawal threshold must be at least that.</source>
        <translation>La dirección Lightning acepta {n} sat o más: el umbral de retiro debe ser al menos ese.</translation>
    </message>
    <message>
        <source>{n} setting(s) not saved: see the message under each.</source>
        <translation>{n} ajuste(s) sin guardar: vea el mensaje debajo de cada uno.</translation>
    </message>
    <message>
        <source>Saved {n} setting(s).</source>
        <translation>{n} ajuste(s) guardado(s).</translation>
    </message>
    <message>
        <source>Nothing to save: no setting was changed.</source>
        <translation>Nada que guardar: no se cambió ningún ajuste.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up the point of sale</source>
        <translation>Configurar la caja</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Help  F1</source>
        <translation>Ayuda  F1</translation>
    </message>
    <message>
        <source>What this step means, in the app&apos;s own help</source>
        <translation>Qué significa este paso, en la ayuda de la aplicación</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Step {i} of {n}</source>
        <translation>Paso {i} de {n}</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Terminar</translation>
    </message>
    <message>
        <source>Start training</source>
        <translation>Empezar la formación</translation>
    </message>
    <message>
        <source>taken from {var}</source>
        <translation>tomada de {var}</translation>
    </message>
    <message>
        <source>kept in this computer&apos;s keyring</source>
        <translation>en el llavero de este ordenador</translation>
    </message>
    <message>
        <source>made from your passphrase, asked at every start</source>
        <translation>a partir de su frase de contraseña, pedida en cada inicio</translation>
    </message>
    <message>
        <source>Wallet: restored from {n} recovery words</source>
        <translation>Monedero: restaurado con {n} palabras de recuperación</translation>
    </message>
    <message>
        <source>Wallet: new, with the {n} recovery words you wrote down</source>
        <translation>Monedero: nuevo, con las {n} palabras de recuperación que anotó</translation>
    </message>
    <message>
        <source>Database key: {method}</source>
        <translation>Clave de la base de datos: {method}</translation>
    </message>
    <message>
        <source>Trusted mints: {mints}</source>
        <translation>Mints de confianza: {mints}</translation>
    </message>
    <message>
        <source>Shop: {name}, prices in {currency}</source>
        <translation>Tienda: {name}, precios en {currency}</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(sin nombre)</translation>
    </message>
    <message>
        <source>Payments: {mode}</source>
        <translation>Pagos: {mode}</translation>
    </message>
    <message>
        <source>Preset: {preset}</source>
        <translation>Plantilla: {preset}</translation>
    </message>
    <message>
        <source>Owner: {name}, with a PIN</source>
        <translation>Propietario: {name}, con PIN</translation>
    </message>
    <message>
        <source>Owner: no staff accounts (add them later in Settings, Staff)</source>
        <translation>Propietario: sin cuentas de personal (añádalas más tarde en Ajustes, Personal)</translation>
    </message>
    <message>
        <source>Data folder: {path}</source>
        <translation>Carpeta de datos: {path}</translation>
    </message>
    <message>
        <source>Fees and limits: the usual ones</source>
        <translation>Comisiones y límites: los habituales</translation>
    </message>
    <message>
        <source>Fees and limits: {changes}</source>
        <translation>Comisiones y límites: {changes}</translation>
    </message>
    <message>
        <source>Exchange rate now: 1 BTC = {price} {currency}</source>
        <translation>Tipo de cambio ahora: 1 BTC = {price} {currency}</translation>
    </message>
    <message>
        <source>Lightning address: {address} ({low} to {high} sat)</source>
        <translation>Dirección Lightning: {address} ({low} a {high} sat)</translation>
    </message>
    <message>
        <source>Lightning address: none (add it later in Settings)</source>
        <translation>Dirección Lightning: ninguna (añádala más tarde en Ajustes)</translation>
    </message>
    <message>
        <source>Joining the shop&apos;s database…</source>
        <translation>Uniéndose a la base de datos de la tienda…</translation>
    </message>
    <message>
        <source>Creating the shop&apos;s database…</source>
        <translation>Creando la base de datos de la tienda…</translation>
    </message>
    <message>
        <source>Creating the encrypted wallet…</source>
        <translation>Creando el monedero cifrado…</translation>
    </message>
    <message>
        <source>Adding the mint {url}…</source>
        <translation>Añadiendo el mint {url}…</translation>
    </message>
    <message>
        <source>Saving the shop&apos;s settings…</source>
        <translation>Guardando los ajustes de la tienda…</translation>
    </message>
    <message>
        <source>The wallet was created, but a mint could not be added: {reason} Press Finish to try again, or go Back to change the mints.</source>
        <translation>El monedero se creó, pero no se pudo añadir un mint: {reason} Pulse Terminar para volver a intentarlo, o Atrás para cambiar los mints.</translation>
    </message>
</context>
<context>
    <name>ShopMintsBanner</name>
    <message>
        <source>The shop&apos;s mint is offline: %1. A payment cannot be confirmed now; a token taken meanwhile is at the shop&apos;s risk until the mint is back.</source>
        <translation>El mint de la tienda está sin conexión: %1. Ahora no se puede confirmar un pago; un token aceptado mientras tanto va a riesgo de la tienda hasta que vuelva el mint.</translation>
    </message>
    <message>
        <source>Offline now: %1. Tokens from that mint cannot be confirmed; tokens from the shop&apos;s other mints are fine.</source>
        <translation>Sin conexión ahora: %1. Los tokens de ese mint no se pueden confirmar; los de los otros mints de la tienda funcionan.</translation>
    </message>
</context>
<context>
    <name>ShopPage</name>
    <message>
        <source>Your shop</source>
        <translation>Su tienda</translation>
    </message>
    <message>
        <source>Printed at the top of receipts and reports. You can change it later.</source>
        <translation>Se imprime en la parte superior de recibos e informes. Puede cambiarlo más tarde.</translation>
    </message>
    <message>
        <source>Corner Café</source>
        <translation>Café de la Esquina</translation>
    </message>
    <message>
        <source>1 Main Street | 10115 Berlin</source>
        <translation>Calle Mayor 1 | 28013 Madrid</translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation>Nombre de la tienda</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>VAT number</source>
        <translation>NIF-IVA</translation>
    </message>
    <message>
        <source>Prices in</source>
        <translation>Precios en</translation>
    </message>
    <message>
        <source>A currency other than sat needs an exchange rate: the app asks public rate services; set a fixed rate in Settings if the till is offline.</source>
        <translation>Una moneda distinta de sat necesita un tipo de cambio: la aplicación consulta servicios públicos de cotización; fije un tipo en Ajustes si la caja no tiene conexión.</translation>
    </message>
    <message>
        <source>Getting the {currency} rate…</source>
        <translation>Obteniendo el tipo {currency}…</translation>
    </message>
    <message>
        <source>Now 1 BTC = {price} {currency} ({source}).</source>
        <translation>Ahora 1 BTC = {price} {currency} ({source}).</translation>
    </message>
    <message>
        <source>No {currency} rate now ({reason}). Sales in {currency} need one: check the internet, or set a fixed rate in Settings after setup.</source>
        <translation>Ahora no hay tipo {currency} ({reason}). Las ventas en {currency} lo necesitan: compruebe la conexión a internet o fije un tipo en Ajustes tras la configuración.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>a cashier</source>
        <translation>de un cajero</translation>
    </message>
    <message>
        <source>a manager</source>
        <translation>de un encargado</translation>
    </message>
    <message>
        <source>the owner</source>
        <translation>del propietario</translation>
    </message>
    <message>
        <source>cashier</source>
        <translation>cajero</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>encargado</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>propietario</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Allow</source>
        <translation>Permitir</translation>
    </message>
    <message>
        <source>Who is at the till?</source>
        <translation>¿Quién está en la caja?</translation>
    </message>
    <message>
        <source>This needs {who}&apos;s PIN.</source>
        <translation>Se necesita el PIN {who}.</translation>
    </message>
    <message>
        <source>Choose your name and type your PIN.</source>
        <translation>Elija su nombre y escriba su PIN.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Nobody here may do this.</source>
        <translation>Nadie aquí puede hacer esto.</translation>
    </message>
</context>
<context>
    <name>StaffPanel</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Último inicio de sesión</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>Bloqueado hasta</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Añadir…</translation>
    </message>
    <message>
        <source>Change PIN…</source>
        <translation>Cambiar PIN…</translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation>Cambiar rol…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Add staff</source>
        <translation>Añadir personal</translation>
    </message>
    <message>
        <source>Added.</source>
        <translation>Añadido.</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>Nuevo PIN</translation>
    </message>
    <message>
        <source>PIN changed.</source>
        <translation>PIN cambiado.</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>Cambiar rol</translation>
    </message>
    <message>
        <source>Role changed.</source>
        <translation>Rol cambiado.</translation>
    </message>
    <message>
        <source>Unlocked.</source>
        <translation>Desbloqueado.</translation>
    </message>
    <message>
        <source>Remove {name}&apos;s account?</source>
        <translation>¿Quitar la cuenta de {name}?</translation>
    </message>
    <message>
        <source>They can no longer sign in. What they did stays in the audit log.</source>
        <translation>Ya no podrá iniciar sesión. Lo que hizo queda en el registro de auditoría.</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Conservar</translation>
    </message>
    <message>
        <source>Removed.</source>
        <translation>Quitado.</translation>
    </message>
</context>
<context>
    <name>StatusLight</name>
    <message>
        <source>Online</source>
        <translation>En línea</translation>
    </message>
    <message>
        <source>Slow</source>
        <translation>Lento</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>Aún sin comprobar</translation>
    </message>
</context>
<context>
    <name>StorageChoice</name>
    <message>
        <source>Where this till keeps the wallet</source>
        <translation>Dónde guarda esta caja el monedero</translation>
    </message>
    <message>
        <source>This till only (encrypted file on this computer)</source>
        <translation>Solo esta caja (archivo cifrado en este ordenador)</translation>
    </message>
    <message>
        <source>Create the shop&apos;s database (first till)</source>
        <translation>Crear la base de datos de la tienda (primera caja)</translation>
    </message>
    <message>
        <source>Join the shop&apos;s database</source>
        <translation>Unirse a la base de datos de la tienda</translation>
    </message>
    <message>
        <source>One till: the wallet in an encrypted file on this computer.</source>
        <translation>Una caja: el monedero en un archivo cifrado en este ordenador.</translation>
    </message>
    <message>
        <source>Several tills share one PostgreSQL database: the first till creates the shop there, with its recovery words.</source>
        <translation>Varias cajas comparten una base de datos PostgreSQL: la primera caja crea allí la tienda, con sus palabras de recuperación.</translation>
    </message>
    <message>
        <source>Another till of the shop made an enrolment file: this till joins the shop with it (the shop&apos;s recovery words are in its database).</source>
        <translation>Otra caja de la tienda hizo un archivo de alta: esta caja se une a la tienda con él (las palabras de recuperación de la tienda están en su base de datos).</translation>
    </message>
</context>
<context>
    <name>StoragePage</name>
    <message>
        <source>The shop&apos;s database</source>
        <translation>La base de datos de la tienda</translation>
    </message>
    <message>
        <source>Verify the server (TLS with the shop&apos;s CA certificate)</source>
        <translation>Verificar el servidor (TLS con el certificado de CA de la tienda)</translation>
    </message>
    <message>
        <source>The CA certificate of the shop&apos;s database server</source>
        <translation>El certificado de CA del servidor de base de datos de la tienda</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificados (*.pem *.crt *.cer);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>The enrolment file</source>
        <translation>El archivo de alta</translation>
    </message>
    <message>
        <source>Enrolment files (*.json);;All files (*)</source>
        <translation>Archivos de alta (*.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>e.g. Counter 1 (empty: Till 1, Till 2, …)</source>
        <translation>p. ej. Mostrador 1 (vacío: Till 1, Till 2, …)</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Puerto</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de datos</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>Archivo de CA</translation>
    </message>
    <message>
        <source>Enrolment file</source>
        <translation>Archivo de alta</translation>
    </message>
    <message>
        <source>Its passphrase</source>
        <translation>Su frase de contraseña</translation>
    </message>
    <message>
        <source>Database password</source>
        <translation>Contraseña de la base de datos</translation>
    </message>
    <message>
        <source>This till&apos;s name</source>
        <translation>Nombre de esta caja</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Probar la conexión</translation>
    </message>
    <message>
        <source>Join the shop with the enrolment file made on one of its tills (pos-app storage enrol). The database&apos;s address comes from the file.</source>
        <translation>Únase a la tienda con el archivo de alta hecho en una de sus cajas (pos-app storage enrol). La dirección de la base de datos viene del archivo.</translation>
    </message>
    <message>
        <source>This till creates the shop on an empty PostgreSQL database. The other tills join it later with an enrolment file.</source>
        <translation>Esta caja crea la tienda en una base de datos PostgreSQL vacía. Las demás cajas se unen después con un archivo de alta.</translation>
    </message>
    <message>
        <source>{var} is set: leave the password empty to use it.</source>
        <translation>{var} está definida: deje la contraseña vacía para usarla.</translation>
    </message>
    <message>
        <source>The password is kept in this computer&apos;s keyring, never in a file. Without a keyring, start the app with {var} set instead.</source>
        <translation>La contraseña se guarda en el llavero de este ordenador, nunca en un archivo. Sin llavero, inicie la aplicación con {var} definida.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Connected to PostgreSQL {version} at {where}.</source>
        <translation>Conectado a PostgreSQL {version} en {where}.</translation>
    </message>
    <message>
        <source>It holds the shop (tills so far: {n}; the enrolment file was made on {till}): this till joins it.</source>
        <translation>Contiene la tienda (cajas hasta ahora: {n}; el archivo de alta se hizo en {till}): esta caja se une.</translation>
    </message>
    <message>
        <source>Storage: joins the shop&apos;s database at {where} as {name}</source>
        <translation>Almacenamiento: se une a la base de datos de la tienda en {where} como {name}</translation>
    </message>
    <message>
        <source>The database is empty: Finish creates the shop there.</source>
        <translation>La base de datos está vacía: Finalizar crea allí la tienda.</translation>
    </message>
    <message>
        <source>The password comes from {var}.</source>
        <translation>La contraseña viene de {var}.</translation>
    </message>
    <message>
        <source>The password will be kept in this computer&apos;s keyring.</source>
        <translation>La contraseña se guardará en el llavero de este ordenador.</translation>
    </message>
    <message>
        <source>The server asked for no password.</source>
        <translation>El servidor no pidió contraseña.</translation>
    </message>
    <message>
        <source>Wrong user name or password: the server refused them. Check both.</source>
        <translation>Usuario o contraseña incorrectos: el servidor los rechazó. Compruebe ambos.</translation>
    </message>
    <message>
        <source>The server asks for a password: type it (or set {var}).</source>
        <translation>El servidor pide una contraseña: escríbala (o defina {var}).</translation>
    </message>
    <message>
        <source>No database server answers at that address. Check the server&apos;s name, the port, and that the server runs.</source>
        <translation>Ningún servidor de base de datos responde en esa dirección. Compruebe el nombre del servidor, el puerto y que el servidor esté en marcha.</translation>
    </message>
    <message>
        <source>The server has no database of that name. Check the name, or ask for the database to be made.</source>
        <translation>El servidor no tiene una base de datos con ese nombre. Compruebe el nombre o pida que se cree la base de datos.</translation>
    </message>
    <message>
        <source>The secure connection failed: the server does not offer TLS, or its certificate does not match the CA file or the server&apos;s name.</source>
        <translation>La conexión segura falló: el servidor no ofrece TLS, o su certificado no coincide con el archivo de CA o con el nombre del servidor.</translation>
    </message>
    <message>
        <source>The server refuses this computer or this user. Ask for it to be let in (pg_hba.conf).</source>
        <translation>El servidor rechaza este ordenador o este usuario. Pida que se le permita el acceso (pg_hba.conf).</translation>
    </message>
    <message>
        <source>This user may not create tables in the database. Make the user the database&apos;s owner.</source>
        <translation>Este usuario no puede crear tablas en la base de datos. Hágalo propietario de la base de datos.</translation>
    </message>
    <message>
        <source>This database already holds a shop. Give an empty database, or choose Join the shop&apos;s database with an enrolment file from one of its tills.</source>
        <translation>Esta base de datos ya contiene una tienda. Indique una base de datos vacía, o elija «Unirse a la base de datos de la tienda» con un archivo de alta de una de sus cajas.</translation>
    </message>
    <message>
        <source>This database is not empty: it holds tables of another program. Give the shop an empty database of its own.</source>
        <translation>Esta base de datos no está vacía: contiene tablas de otro programa. Dé a la tienda una base de datos vacía propia.</translation>
    </message>
    <message>
        <source>This database holds no shop yet. Create the shop on the first till.</source>
        <translation>Esta base de datos aún no contiene ninguna tienda. Cree la tienda en la primera caja.</translation>
    </message>
    <message>
        <source>The enrolment file is for another shop than the one this database holds.</source>
        <translation>El archivo de alta es de otra tienda distinta de la de esta base de datos.</translation>
    </message>
    <message>
        <source>The shop already has a till of that name. Choose another name.</source>
        <translation>La tienda ya tiene una caja con ese nombre. Elija otro nombre.</translation>
    </message>
    <message>
        <source>The passphrase does not open this enrolment file.</source>
        <translation>La frase de contraseña no abre este archivo de alta.</translation>
    </message>
    <message>
        <source>The enrolment file is damaged or was changed.</source>
        <translation>El archivo de alta está dañado o fue modificado.</translation>
    </message>
    <message>
        <source>Choose the enrolment file.</source>
        <translation>Elija el archivo de alta.</translation>
    </message>
    <message>
        <source>Type the enrolment file&apos;s passphrase.</source>
        <translation>Escriba la frase de contraseña del archivo de alta.</translation>
    </message>
    <message>
        <source>Choose the CA file to verify the server with.</source>
        <translation>Elija el archivo de CA con el que verificar el servidor.</translation>
    </message>
    <message>
        <source>This computer has no keyring to keep the database password in. Start the app with {var} set to it (the password is never written to a file).</source>
        <translation>Este ordenador no tiene llavero donde guardar la contraseña de la base de datos. Inicie la aplicación con {var} definida con ella (la contraseña nunca se escribe en un archivo).</translation>
    </message>
    <message>
        <source>{var} is set to another password. Leave the password empty to use it, or change {var}.</source>
        <translation>{var} tiene otra contraseña. Deje la contraseña vacía para usarla, o cambie {var}.</translation>
    </message>
    <message>
        <source>a numbered till</source>
        <translation>una caja numerada</translation>
    </message>
    <message>
        <source>Storage: creates the shop&apos;s database at {where}; this till is {name}</source>
        <translation>Almacenamiento: crea la base de datos de la tienda en {where}; esta caja es {name}</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Ready</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Check the choices, then press Finish.</source>
        <translation>Revise lo elegido y pulse Terminar.</translation>
    </message>
</context>
<context>
    <name>TipChooser</name>
    <message>
        <source>Would you like to add a tip?</source>
        <translation>¿Desea añadir una propina?</translation>
    </message>
    <message>
        <source>No tip</source>
        <translation>Sin propina</translation>
    </message>
    <message>
        <source>Other amount</source>
        <translation>Otro importe</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Total: %1 %2</source>
        <translation>Total: %1 %2</translation>
    </message>
</context>
<context>
    <name>TipPad</name>
    <message>
        <source>Add this tip</source>
        <translation>Añadir esta propina</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>TokenFolderRow</name>
    <message>
        <source>Folder for the token file (optional)</source>
        <translation>Carpeta para el archivo del token (opcional)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Save the refund token to</source>
        <translation>Guardar el token de reembolso en</translation>
    </message>
</context>
<context>
    <name>TokenResult</name>
    <message>
        <source>Copy token</source>
        <translation>Copiar token</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Long token: the QR code is animated; scan it until it completes.</source>
        <translation>Token largo: el código QR es animado; escanéelo hasta que se complete.</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiado</translation>
    </message>
</context>
<context>
    <name>TrainingStart</name>
    <message>
        <source>Training mode</source>
        <translation>Modo de formación</translation>
    </message>
    <message>
        <source>Starting the training mint...</source>
        <translation>Iniciando la mint de formación...</translation>
    </message>
    <message>
        <source>Training mode could not start: {reason}</source>
        <translation>El modo de formación no pudo iniciarse: {reason}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>TrainingTitles</name>
    <message>
        <source>TRAINING</source>
        <translation>FORMACIÓN</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Cashu point of sale</source>
        <translation>Caja Cashu</translation>
    </message>
</context>
<context>
    <name>UiContext</name>
    <message>
        <source>Nothing was done: it needs {who}&apos;s PIN.</source>
        <translation>No se hizo nada: se necesita el PIN {who}.</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock the wallet</source>
        <translation>Desbloquear el monedero</translation>
    </message>
    <message>
        <source>Enter the passphrase of the shop&apos;s wallet.</source>
        <translation>Escriba la frase de contraseña del monedero de la tienda.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Wallet folder: {path}</source>
        <translation>Carpeta del monedero: {path}</translation>
    </message>
    <message>
        <source>The wallet cannot be opened</source>
        <translation>No se puede abrir el monedero</translation>
    </message>
    <message>
        <source>The wallet is unchanged: the app never replaces it with a new one. Fix the problem below and press Try again, or Quit.</source>
        <translation>El monedero no ha cambiado: la app nunca lo sustituye por uno nuevo. Corrija el problema de abajo y pulse Reintentar, o Salir.</translation>
    </message>
    <message>
        <source>Wrong passphrase. Check it and try again.</source>
        <translation>Frase de contraseña incorrecta. Revísela y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The key in {var} does not open this wallet.</source>
        <translation>La clave de {var} no abre este monedero.</translation>
    </message>
    <message>
        <source>This computer&apos;s keyring has no key for this wallet. Log in to your desktop session or unlock the keyring, then try again.</source>
        <translation>El llavero de este ordenador no tiene ninguna clave para este monedero. Inicie sesión en el escritorio o desbloquee el llavero y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>This wallet&apos;s key was given in {var}, which is not set now. Start the app with the same {var}.</source>
        <translation>La clave de este monedero venía de {var}, que ahora no está definida. Inicie la app con la misma {var}.</translation>
    </message>
    <message>
        <source>The shop&apos;s database server does not answer. Check that it runs and that this computer is on the shop&apos;s network, then press Try again.</source>
        <translation>El servidor de base de datos de la tienda no responde. Compruebe que está en marcha y que este ordenador está en la red de la tienda, y pulse Reintentar.</translation>
    </message>
    <message>
        <source>The shop&apos;s database server refused the user name or the password. If the password was changed, start the app with {var} set to the new one.</source>
        <translation>El servidor de base de datos de la tienda rechazó el nombre de usuario o la contraseña. Si la contraseña cambió, inicie la aplicación con {var} con la nueva.</translation>
    </message>
    <message>
        <source>The shop&apos;s database server asks for a password, and this computer has none for it in its keyring. Start the app with {var} set to it.</source>
        <translation>El servidor de base de datos de la tienda pide una contraseña y este ordenador no tiene ninguna para él en su llavero. Inicie la aplicación con {var} con esa contraseña.</translation>
    </message>
    <message>
        <source>The shop&apos;s database is no longer on its server. Ask whoever runs the server.</source>
        <translation>La base de datos de la tienda ya no está en su servidor. Pregunte a quien administra el servidor.</translation>
    </message>
    <message>
        <source>The secure connection to the shop&apos;s database server failed: its certificate does not match the CA file or the server&apos;s name.</source>
        <translation>La conexión segura con el servidor de base de datos de la tienda falló: su certificado no coincide con el archivo de CA o con el nombre del servidor.</translation>
    </message>
    <message>
        <source>The shop&apos;s database server refuses this computer or this user. Ask for it to be let in (pg_hba.conf).</source>
        <translation>El servidor de base de datos de la tienda rechaza este ordenador o este usuario. Pida que lo admitan (pg_hba.conf).</translation>
    </message>
    <message>
        <source>The shop&apos;s database server did not let this till in. Try again; if it keeps failing, ask whoever runs the server.</source>
        <translation>El servidor de base de datos de la tienda no dejó entrar a esta caja. Inténtelo de nuevo; si sigue fallando, pregunte a quien administra el servidor.</translation>
    </message>
</context>
<context>
    <name>WalletPage</name>
    <message>
        <source>Wallet</source>
        <translation>Monedero</translation>
    </message>
    <message>
        <source>Mint</source>
        <translation>Mint</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>No ecash yet. Take a payment or import a token.</source>
        <translation>Todavía no hay e-cash. Cobre un pago o importe un token.</translation>
    </message>
    <message>
        <source>Export to file… (Ctrl+E)</source>
        <translation>Exportar a archivo… (Ctrl+E)</translation>
    </message>
    <message>
        <source>Import… (Ctrl+I)</source>
        <translation>Importar… (Ctrl+I)</translation>
    </message>
    <message>
        <source>Check with the mints</source>
        <translation>Consultar a los mints</translation>
    </message>
    <message>
        <source>Ask the mints which exported tokens were redeemed and which coins are spent.</source>
        <translation>Preguntar a los mints qué tokens exportados se cobraron y qué monedas están gastadas.</translation>
    </message>
    <message>
        <source>Exported tokens</source>
        <translation>Tokens exportados</translation>
    </message>
    <message>
        <source>Withdrawals to Lightning</source>
        <translation>Retiros a Lightning</translation>
    </message>
    <message>
        <source>Total {amount}</source>
        <translation>Total {amount}</translation>
    </message>
    <message>
        <source>Checking with the mints…</source>
        <translation>Consultando a los mints…</translation>
    </message>
    <message>
        <source>Checked {n} coins.</source>
        <translation>{n} monedas comprobadas.</translation>
    </message>
    <message>
        <source>{n} exported token(s) were redeemed.</source>
        <translation>{n} token(s) exportado(s) cobrado(s).</translation>
    </message>
    <message>
        <source>{n} exported token(s) were partly redeemed.</source>
        <translation>{n} token(s) exportado(s) cobrado(s) en parte.</translation>
    </message>
    <message>
        <source>{n} coin(s) were spent.</source>
        <translation>{n} moneda(s) gastada(s).</translation>
    </message>
    <message>
        <source>{n} stuck coin(s) were returned to the balance.</source>
        <translation>{n} moneda(s) bloqueada(s) devuelta(s) al saldo.</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>No ha cambiado nada.</translation>
    </message>
    <message>
        <source>{mint} could not be checked: {reason}.</source>
        <translation>No se pudo comprobar {mint}: {reason}.</translation>
    </message>
</context>
<context>
    <name>WebhookPanel</name>
    <message>
        <source>All events (or e.g. sale.paid,sale.cancelled)</source>
        <translation>Todos los eventos (o p. ej. sale.paid,sale.cancelled)</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Estándar</translation>
    </message>
    <message>
        <source>Numo compatible</source>
        <translation>Compatible con Numo</translation>
    </message>
    <message>
        <source>BTCPay signature too</source>
        <translation>También firma BTCPay</translation>
    </message>
    <message>
        <source>Add receiver</source>
        <translation>Añadir receptor</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Signing secret: copy it into the receiver now, it is not shown again.</source>
        <translation>Secreto de firma: cópielo ahora en el receptor, no se volverá a mostrar.</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <source>Last delivery</source>
        <translation>Última entrega</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <source>Send test event</source>
        <translation>Enviar evento de prueba</translation>
    </message>
    <message>
        <source>New secret</source>
        <translation>Nuevo secreto</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregados</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallidos</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <source>Attempts…</source>
        <translation>Intentos…</translation>
    </message>
    <message>
        <source>Redeliver</source>
        <translation>Reenviar</translation>
    </message>
    <message>
        <source>Redeliver all failed</source>
        <translation>Reenviar todos los fallidos</translation>
    </message>
    <message>
        <source>Delivery history</source>
        <translation>Historial de entregas</translation>
    </message>
    <message>
        <source>all</source>
        <translation>todos</translation>
    </message>
    <message>
        <source>active</source>
        <translation>activo</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>en pausa</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>desactivado</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en espera</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>enviando</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>entregado</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fallido</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Guardar cambios</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation>Bienvenido</translation>
    </message>
    <message>
        <source>This computer holds the shop&apos;s ecash wallet. Let&apos;s set it up.</source>
        <translation>Este ordenador guarda el monedero de e-cash de la tienda. Vamos a configurarlo.</translation>
    </message>
    <message>
        <source>Create a new wallet</source>
        <translation>Crear un monedero nuevo</translation>
    </message>
    <message>
        <source>Restore a wallet from its recovery words</source>
        <translation>Restaurar un monedero con sus palabras de recuperación</translation>
    </message>
    <message>
        <source>Try it first (training mode)</source>
        <translation>Probar primero (modo de formación)</translation>
    </message>
    <message>
        <source>For a new shop: you get 12 recovery words to write down.</source>
        <translation>Para una tienda nueva: recibe 12 palabras de recuperación para anotar.</translation>
    </message>
    <message>
        <source>You have the 12 or 24 words of an earlier wallet.</source>
        <translation>Tiene las 12 o 24 palabras de un monedero anterior.</translation>
    </message>
    <message>
        <source>Play money on a test mint that runs on this computer: practise sales before the shop is set up. Nothing is made for the shop yet; App, Leave training mode comes back here.</source>
        <translation>Dinero de juego en una mint de prueba que se ejecuta en este ordenador: practicar ventas antes de configurar la tienda. Aún no se crea nada para la tienda; App, Salir del modo de formación vuelve aquí.</translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <source>Withdraw to Lightning</source>
        <translation>Retirar a Lightning</translation>
    </message>
    <message>
        <source>Withdraw to the shop&apos;s Lightning address</source>
        <translation>Retirar a la dirección Lightning de la tienda</translation>
    </message>
    <message>
        <source>To</source>
        <translation>A</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Mint</source>
        <translation>Mint</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>To withdraw</source>
        <translation>A retirar</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Reading the Lightning address&apos;s limits…</source>
        <translation>Leyendo los límites de la dirección Lightning…</translation>
    </message>
    <message>
        <source>Pay out</source>
        <translation>Retirar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>All mints ({n})</source>
        <translation>Todas las mints ({n})</translation>
    </message>
    <message>
        <source>No trusted mint holds any ecash: nothing to withdraw.</source>
        <translation>Ninguna mint de confianza tiene ecash: nada que retirar.</translation>
    </message>
    <message>
        <source>Nothing can be withdrawn from this choice now.</source>
        <translation>Ahora no se puede retirar nada con esta selección.</translation>
    </message>
    <message>
        <source>About {total} in all will be paid to {address}. Each mint pays {percent}% of its balance, the rest pays the fees. A mint whose fees would be more than {cap}% pays nothing.</source>
        <translation>Se pagarán unos {total} en total a {address}. Cada mint paga el {percent}% de su saldo; el resto cubre las comisiones. Una mint cuyas comisiones superarían el {cap}% no paga nada.</translation>
    </message>
    <message>
        <source>Pay out {total}</source>
        <translation>Retirar {total}</translation>
    </message>
    <message>
        <source>Pay out {total} from {n} mints</source>
        <translation>Retirar {total} de {n} mints</translation>
    </message>
    <message>
        <source>A payout from this mint is still in progress</source>
        <translation>Un retiro de esta mint sigue en curso</translation>
    </message>
    <message>
        <source>Less than the {minimum} the address accepts</source>
        <translation>Menos de los {minimum} que acepta la dirección</translation>
    </message>
    <message>
        <source>Paying out… (each mint in turn)</source>
        <translation>Retirando… (una mint tras otra)</translation>
    </message>
    <message>
        <source>In all: {paid} paid, fees {fees}.</source>
        <translation>En total: {paid} pagados, comisiones {fees}.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>{mint}: {amount} paid (fee {fee}).</source>
        <translation>{mint}: {amount} pagados (comisión {fee}).</translation>
    </message>
    <message>
        <source>{mint}: {amount} on its way; the app checks it and finishes it by itself.</source>
        <translation>{mint}: {amount} en camino; la aplicación lo comprueba y lo completa por sí sola.</translation>
    </message>
    <message>
        <source>{mint}: not paid. {reason}</source>
        <translation>{mint}: no pagado. {reason}</translation>
    </message>
    <message>
        <source>Nothing was paid.</source>
        <translation>No se pagó nada.</translation>
    </message>
</context>
<context>
    <name>WithdrawHistory</name>
    <message>
        <source>Withdrawals to Lightning</source>
        <translation>Retiros a Lightning</translation>
    </message>
    <message>
        <source>Withdraw to Lightning…</source>
        <translation>Retirar a Lightning…</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Mint</source>
        <translation>Mint</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Comisión</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Proof</source>
        <translation>Prueba</translation>
    </message>
    <message>
        <source>Nothing was withdrawn yet.</source>
        <translation>Aún no se ha retirado nada.</translation>
    </message>
    <message>
        <source>Pay the shop&apos;s ecash out to {address}.</source>
        <translation>Retirar el ecash de la tienda a {address}.</translation>
    </message>
    <message>
        <source>To {address}</source>
        <translation>A {address}</translation>
    </message>
    <message>
        <source>No Lightning address is set: set the shop&apos;s Lightning address in Settings to withdraw.</source>
        <translation>No hay dirección Lightning configurada: configure la dirección Lightning de la tienda en Ajustes para retirar.</translation>
    </message>
    <message>
        <source>Preimage: {preimage}</source>
        <translation>Preimagen: {preimage}</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Pagado</translation>
    </message>
    <message>
        <source>Paid (finished later)</source>
        <translation>Pagado (completado más tarde)</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Requiere revisión</translation>
    </message>
    <message>
        <source>Not paid</source>
        <translation>No pagado</translation>
    </message>
    <message>
        <source>Preimage checked</source>
        <translation>Preimagen comprobada</translation>
    </message>
    <message>
        <source>Confirmed by the address</source>
        <translation>Confirmado por la dirección</translation>
    </message>
    <message>
        <source>Not proven</source>
        <translation>No probado</translation>
    </message>
    <message>
        <source>Proof does not match!</source>
        <translation>¡La prueba no coincide!</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>Already spent</source>
        <translation>Ya gastado</translation>
    </message>
    <message>
        <source>This token was already used, here or elsewhere. Ask the customer to send a new one.</source>
        <translation>Este token ya se usó, aquí o en otro sitio. Pida al cliente que envíe uno nuevo.</translation>
    </message>
    <message>
        <source>Token in use</source>
        <translation>Token en uso</translation>
    </message>
    <message>
        <source>This token is being redeemed right now. Wait a moment; if the sale does not turn paid, ask the customer for a new token.</source>
        <translation>Este token se está cobrando ahora mismo. Espere un momento; si la venta no pasa a pagada, pida al cliente un token nuevo.</translation>
    </message>
    <message>
        <source>The mint is still settling this token. Wait a moment; if the sale does not turn paid, ask the customer for a new token.</source>
        <translation>El mint todavía está procesando este token. Espere un momento; si la venta no pasa a pagada, pida al cliente un token nuevo.</translation>
    </message>
    <message>
        <source>Not a valid token</source>
        <translation>Token no válido</translation>
    </message>
    <message>
        <source>This code is not a valid ecash token. Ask the customer to show the token again or to send a new one.</source>
        <translation>Este código no es un token de e-cash válido. Pida al cliente que muestre el token otra vez o que envíe uno nuevo.</translation>
    </message>
    <message>
        <source>Empty token</source>
        <translation>Token vacío</translation>
    </message>
    <message>
        <source>This token holds no coins. Ask the customer to send a new one.</source>
        <translation>Este token no contiene monedas. Pida al cliente que envíe uno nuevo.</translation>
    </message>
    <message>
        <source>The animated code could not be read as a token. Ask the customer to show it again.</source>
        <translation>El código animado no se pudo leer como token. Pida al cliente que lo muestre otra vez.</translation>
    </message>
    <message>
        <source>Several mints</source>
        <translation>Varios mints</translation>
    </message>
    <message>
        <source>This token mixes coins from several mints. Ask the customer to send one token per mint.</source>
        <translation>Este token mezcla monedas de varios mints. Pida al cliente un token por mint.</translation>
    </message>
    <message>
        <source>Failed authenticity check</source>
        <translation>Falló la comprobación de autenticidad</translation>
    </message>
    <message>
        <source>This token failed its authenticity check, so it may be forged. Do not accept it; ask the customer for a new token.</source>
        <translation>Este token no superó la comprobación de autenticidad, así que puede ser falso. No lo acepte; pida al cliente un token nuevo.</translation>
    </message>
    <message>
        <source>The mint&apos;s answer failed its authenticity check. The token is kept; tell the owner.</source>
        <translation>La respuesta del mint no superó la comprobación de autenticidad. El token se guarda; avise al responsable.</translation>
    </message>
    <message>
        <source>Locked token</source>
        <translation>Token bloqueado</translation>
    </message>
    <message>
        <source>This token is locked to someone else&apos;s key. Ask the customer for an unlocked token.</source>
        <translation>Este token está bloqueado con la clave de otra persona. Pida al cliente un token sin bloquear.</translation>
    </message>
    <message>
        <source>This token is locked to someone else&apos;s key. Ask the customer for an unlocked token or one locked to this shop.</source>
        <translation>Este token está bloqueado con la clave de otra persona. Pida al cliente un token sin bloquear o bloqueado para esta tienda.</translation>
    </message>
    <message>
        <source>Mint not accepted</source>
        <translation>Mint no aceptado</translation>
    </message>
    <message>
        <source>This token is from a mint the shop does not accept. Ask the customer to pay with ecash from one of the shop&apos;s mints.</source>
        <translation>Este token es de un mint que la tienda no acepta. Pida al cliente que pague con e-cash de uno de los mints de la tienda.</translation>
    </message>
    <message>
        <source>Sale expired</source>
        <translation>Venta caducada</translation>
    </message>
    <message>
        <source>The price lock of this sale ran out. Start a new sale for the same amount.</source>
        <translation>El precio fijado de esta venta ha caducado. Inicie una nueva venta por el mismo importe.</translation>
    </message>
    <message>
        <source>Sale cancelled</source>
        <translation>Venta cancelada</translation>
    </message>
    <message>
        <source>This sale was cancelled. Start a new sale.</source>
        <translation>Esta venta se canceló. Inicie una nueva venta.</translation>
    </message>
    <message>
        <source>Already paid</source>
        <translation>Ya pagada</translation>
    </message>
    <message>
        <source>This sale is already paid; nothing more is due. Do not take another token.</source>
        <translation>Esta venta ya está pagada; no se debe nada más. No acepte otro token.</translation>
    </message>
    <message>
        <source>Not confirmed: mint offline</source>
        <translation>Sin confirmar: mint sin conexión</translation>
    </message>
    <message>
        <source>The mint is offline, so this token is not confirmed yet; it is kept and retried automatically. Until the mint confirms it, the goods are at the shop&apos;s risk: the customer could still spend the token elsewhere.</source>
        <translation>El mint está sin conexión, así que este token aún no está confirmado; se guarda y se reintenta automáticamente. Hasta que el mint lo confirme, la mercancía va a riesgo de la tienda: el cliente aún podría gastar el token en otro sitio.</translation>
    </message>
    <message>
        <source>Mint offline</source>
        <translation>Mint sin conexión</translation>
    </message>
    <message>
        <source>Mint unreachable</source>
        <translation>Mint inaccesible</translation>
    </message>
    <message>
        <source>Mints offline</source>
        <translation>Mints sin conexión</translation>
    </message>
    <message>
        <source>Every mint the shop trusts is offline: a payment cannot be confirmed now. Wait until a mint answers, or show the request anyway: a token taken meanwhile is kept and redeemed when its mint is back.</source>
        <translation>Todos los mints de confianza de la tienda están sin conexión: ahora no se puede confirmar un pago. Espere a que responda un mint, o muestre la solicitud de todos modos: un token recibido mientras tanto se guarda y se canjea cuando su mint vuelva.</translation>
    </message>
    <message>
        <source>Not confirmed yet</source>
        <translation>Aún no confirmado</translation>
    </message>
    <message>
        <source>The customer&apos;s token was paid over to the shop&apos;s mint, which has not confirmed it yet. The app keeps checking; the sale is marked paid when the shop&apos;s mint confirms.</source>
        <translation>El token del cliente se ha pagado a la mint de la tienda, que aún no lo ha confirmado. La aplicación sigue comprobando; la venta se marca como pagada cuando la mint de la tienda lo confirme.</translation>
    </message>
    <message>
        <source>Not converted</source>
        <translation>No convertido</translation>
    </message>
    <message>
        <source>The customer&apos;s mint did not pay the shop&apos;s mint; nothing was spent. Ask for a token from one of the shop&apos;s mints.</source>
        <translation>La mint del cliente no pagó a la mint de la tienda; no se gastó nada. Pida un token de una de las mints de la tienda.</translation>
    </message>
    <message>
        <source>The mint could not be reached. The token is kept; the app tries again by itself.</source>
        <translation>No se pudo contactar con el mint. El token se guarda; la app lo reintenta sola.</translation>
    </message>
    <message>
        <source>Database offline</source>
        <translation>Base de datos sin conexión</translation>
    </message>
    <message>
        <source>The shop&apos;s database server does not answer. Check the network and that the server runs, then try again. A payment the mint has already taken is kept: it is completed when the server is back.</source>
        <translation>El servidor de base de datos de la tienda no responde. Compruebe la red y que el servidor esté en marcha, y vuelva a intentarlo. Un pago que la mint ya aceptó se conserva: se completa cuando el servidor vuelva.</translation>
    </message>
    <message>
        <source>The mint did not answer in time. The token is kept; the app tries again by itself.</source>
        <translation>El mint no respondió a tiempo. El token se guarda; la app lo reintenta sola.</translation>
    </message>
    <message>
        <source>Mint error</source>
        <translation>Error del mint</translation>
    </message>
    <message>
        <source>The mint had an internal error. The token is kept; the app tries again by itself.</source>
        <translation>El mint tuvo un error interno. El token se guarda; la app lo reintenta sola.</translation>
    </message>
    <message>
        <source>Mint busy</source>
        <translation>Mint saturado</translation>
    </message>
    <message>
        <source>The mint asked the app to slow down. The token is kept; the app tries again soon.</source>
        <translation>El mint pidió a la app que vaya más despacio. El token se guarda; la app lo reintenta pronto.</translation>
    </message>
    <message>
        <source>The mint sent an answer the app does not understand. The token is kept; if this goes on, tell the mint&apos;s operator.</source>
        <translation>El mint envió una respuesta que la app no entiende. El token se guarda; si sigue pasando, avise al operador del mint.</translation>
    </message>
    <message>
        <source>Payment in progress</source>
        <translation>Pago en curso</translation>
    </message>
    <message>
        <source>The Lightning payment is still in progress. The sale is marked paid when it goes through.</source>
        <translation>El pago Lightning sigue en curso. La venta se marca como pagada cuando se complete.</translation>
    </message>
    <message>
        <source>Wallet busy</source>
        <translation>Monedero ocupado</translation>
    </message>
    <message>
        <source>The wallet is busy with another payment. Try again in a moment.</source>
        <translation>El monedero está ocupado con otro pago. Vuelva a intentarlo en un momento.</translation>
    </message>
    <message>
        <source>Cannot convert</source>
        <translation>No se puede convertir</translation>
    </message>
    <message>
        <source>This token would have to be converted to Lightning, but the shop has no Lightning address. Ask for ecash from one of the shop&apos;s mints.</source>
        <translation>Este token tendría que convertirse por Lightning, pero la tienda no tiene dirección Lightning. Pida e-cash de uno de los mints de la tienda.</translation>
    </message>
    <message>
        <source>Payout not proven</source>
        <translation>Pago no probado</translation>
    </message>
    <message>
        <source>The token was converted, but the Lightning payment could not be proven. The owner must review it; the token is kept.</source>
        <translation>El token se convirtió, pero el pago Lightning no se pudo probar. El responsable debe revisarlo; el token se guarda.</translation>
    </message>
    <message>
        <source>The Lightning payment could not be proven. The owner must review it; the token is kept.</source>
        <translation>El pago Lightning no se pudo probar. El responsable debe revisarlo; el token se guarda.</translation>
    </message>
    <message>
        <source>No exchange rate</source>
        <translation>Sin tipo de cambio</translation>
    </message>
    <message>
        <source>No exchange rate is available, so the price cannot be turned into sats. Check the internet connection, or set a fixed rate in Settings.</source>
        <translation>No hay tipo de cambio disponible, así que el precio no se puede pasar a sats. Compruebe la conexión a internet o fije un tipo en Ajustes.</translation>
    </message>
    <message>
        <source>A shop currency other than sat needs an exchange rate, or no sale can be priced. Add a rate source or set a fixed rate, then save again.</source>
        <translation>Una moneda distinta de sat necesita un tipo de cambio, o no se puede calcular ninguna venta. Añada una fuente de tipo o fije un tipo y vuelva a guardar.</translation>
    </message>
    <message>
        <source>Wrong passphrase</source>
        <translation>Frase de contraseña incorrecta</translation>
    </message>
    <message>
        <source>The passphrase does not open this settings file. Type the one given when it was exported; nothing was changed.</source>
        <translation>La frase de contraseña no abre este archivo de ajustes. Escriba la indicada al exportarlo; no se cambió nada.</translation>
    </message>
    <message>
        <source>Settings file damaged</source>
        <translation>Archivo de ajustes dañado</translation>
    </message>
    <message>
        <source>The settings file is damaged or was changed after it was exported, so none of it is used. Export it again on the other till.</source>
        <translation>El archivo de ajustes está dañado o se modificó después de exportarlo, así que no se usa nada de él. Expórtelo de nuevo en la otra caja.</translation>
    </message>
    <message>
        <source>Already claimed</source>
        <translation>Ya canjeado</translation>
    </message>
    <message>
        <source>The recipient redeemed this export: the ecash is theirs and nothing is left to show or take back.</source>
        <translation>El destinatario canjeó esta exportación: el ecash es suyo y no queda nada que mostrar ni recuperar.</translation>
    </message>
    <message>
        <source>Already taken back</source>
        <translation>Ya recuperado</translation>
    </message>
    <message>
        <source>This export is back in the wallet; its old token is no longer valid.</source>
        <translation>Esta exportación volvió a la cartera; su token anterior ya no es válido.</translation>
    </message>
    <message>
        <source>Being taken back</source>
        <translation>Recuperándose</translation>
    </message>
    <message>
        <source>This export is being taken back already. The wallet finishes it as soon as the mint answers.</source>
        <translation>Esta exportación ya se está recuperando. La cartera lo termina en cuanto la mint responda.</translation>
    </message>
    <message>
        <source>Customer&apos;s token</source>
        <translation>Token del cliente</translation>
    </message>
    <message>
        <source>This token was given to a customer as change or a refund. It is theirs and cannot be taken back.</source>
        <translation>Este token se entregó a un cliente como cambio o reembolso. Es suyo y no se puede recuperar.</translation>
    </message>
    <message>
        <source>Nothing to close</source>
        <translation>Nada que cerrar</translation>
    </message>
    <message>
        <source>There is nothing to close yet: no sale, payment or wallet change so far.</source>
        <translation>Todavía no hay nada que cerrar: ninguna venta, pago ni cambio en la billetera hasta ahora.</translation>
    </message>
    <message>
        <source>No such Z report</source>
        <translation>No existe ese informe Z</translation>
    </message>
    <message>
        <source>There is no Z report with this number.</source>
        <translation>No hay ningún informe Z con este número.</translation>
    </message>
    <message>
        <source>Locked to the recipient</source>
        <translation>Bloqueado al destinatario</translation>
    </message>
    <message>
        <source>This export is locked to the recipient&apos;s key: only they can redeem it.</source>
        <translation>Esta exportación está bloqueada a la clave del destinatario: solo él puede canjearla.</translation>
    </message>
    <message>
        <source>Fee too high</source>
        <translation>Comisión demasiado alta</translation>
    </message>
    <message>
        <source>Wrong unit</source>
        <translation>Unidad incorrecta</translation>
    </message>
    <message>
        <source>Over the offline limit</source>
        <translation>Supera el límite sin conexión</translation>
    </message>
    <message>
        <source>Above the sale limit</source>
        <translation>Por encima del límite de venta</translation>
    </message>
    <message>
        <source>Above today&apos;s limit</source>
        <translation>Por encima del límite de hoy</translation>
    </message>
    <message>
        <source>Needs a manager</source>
        <translation>Requiere un encargado</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>No permitido</translation>
    </message>
    <message>
        <source>Check the amount</source>
        <translation>Revise el importe</translation>
    </message>
    <message>
        <source>Lightning refused</source>
        <translation>Lightning rechazado</translation>
    </message>
    <message>
        <source>This token is locked in a way the shop cannot redeem. Ask the customer for a plain token.</source>
        <translation>Este token está bloqueado de una forma que la tienda no puede cobrar. Pida al cliente un token sencillo.</translation>
    </message>
    <message>
        <source>The mint is offline and this token cannot be accepted without it. Ask for a token locked to the shop, or try again when the mint is back.</source>
        <translation>El mint está sin conexión y este token no se puede aceptar sin él. Pida un token bloqueado para la tienda o vuelva a intentarlo cuando vuelva el mint.</translation>
    </message>
    <message>
        <source>Lightning problem</source>
        <translation>Problema de Lightning</translation>
    </message>
    <message>
        <source>The token could not be converted to Lightning now. Ask for ecash from one of the shop&apos;s mints, or try again in a moment.</source>
        <translation>El token no se pudo convertir por Lightning ahora. Pida e-cash de uno de los mints de la tienda o vuelva a intentarlo en un momento.</translation>
    </message>
    <message>
        <source>Unknown coins</source>
        <translation>Monedas desconocidas</translation>
    </message>
    <message>
        <source>The mint does not know the keys of this token. Ask the customer for a new token.</source>
        <translation>El mint no conoce las claves de este token. Pida al cliente un token nuevo.</translation>
    </message>
    <message>
        <source>Old coins</source>
        <translation>Monedas antiguas</translation>
    </message>
    <message>
        <source>The mint no longer accepts these coins. Ask the customer for a new token.</source>
        <translation>El mint ya no acepta estas monedas. Pida al cliente un token nuevo.</translation>
    </message>
    <message>
        <source>(Token from {mint}.)</source>
        <translation>(Token de {mint}.)</translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation>No aceptado</translation>
    </message>
    <message>
        <source>The token was not accepted.</source>
        <translation>El token no se aceptó.</translation>
    </message>
    <message>
        <source>The sale is marked paid when it goes through.</source>
        <translation>La venta se marca como pagada cuando se complete.</translation>
    </message>
    <message>
        <source>Mint key changed</source>
        <translation>La clave del mint cambió</translation>
    </message>
    <message>
        <source>Old coins expiring</source>
        <translation>Monedas antiguas a punto de caducar</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Requiere atención</translation>
    </message>
    <message>
        <source>Payment needs review</source>
        <translation>Pago por revisar</translation>
    </message>
    <message>
        <source>Change not given</source>
        <translation>Cambio no entregado</translation>
    </message>
    <message>
        <source>Offline payment failed</source>
        <translation>Falló un pago sin conexión</translation>
    </message>
    <message>
        <source>Scheduled export waiting</source>
        <translation>Exportación programada en espera</translation>
    </message>
    <message>
        <source>Scheduled export done</source>
        <translation>Exportación programada hecha</translation>
    </message>
    <message>
        <source>Scheduled export failed</source>
        <translation>La exportación programada falló</translation>
    </message>
    <message>
        <source>Withdrawn to Lightning</source>
        <translation>Retirado a Lightning</translation>
    </message>
    <message>
        <source>Withdrawal not paid</source>
        <translation>Retiro no realizado</translation>
    </message>
    <message>
        <source>Withdrawal not proven</source>
        <translation>Retiro no comprobado</translation>
    </message>
    <message>
        <source>Old coins not renewed</source>
        <translation>Monedas antiguas no renovadas</translation>
    </message>
    <message>
        <source>Staff account locked</source>
        <translation>Cuenta de personal bloqueada</translation>
    </message>
    <message>
        <source>Mint signed wrongly</source>
        <translation>La mint firmó mal</translation>
    </message>
    <message>
        <source>Mint sent bad change</source>
        <translation>La mint envió un cambio erróneo</translation>
    </message>
    <message>
        <source>Webhook disabled</source>
        <translation>Webhook desactivado</translation>
    </message>
    <message>
        <source>Webhook not delivered</source>
        <translation>Webhook no entregado</translation>
    </message>
    <message>
        <source>Webhook paused</source>
        <translation>Webhook en pausa</translation>
    </message>
    <message>
        <source>{name} typed {failures} wrong PINs in a row and is locked for {minutes} minutes.</source>
        <translation>{name} escribió {failures} PIN erróneos seguidos y queda bloqueado durante {minutes} minutos.</translation>
    </message>
    <message>
        <source>A mint answered with signatures that failed their checks; nothing was credited and the token is being checked again.</source>
        <translation>Una mint respondió con firmas que no superaron las comprobaciones; no se abonó nada y el token se vuelve a comprobar.</translation>
    </message>
    <message>
        <source>{url} paid a Lightning invoice but signed its change wrongly; the change was not kept. Check this mint with its operator.</source>
        <translation>{url} pagó una factura Lightning pero firmó mal el cambio; el cambio no se guardó. Compruebe esta mint con su operador.</translation>
    </message>
    <message>
        <source>{url} has not answered for {minutes} minutes.</source>
        <translation>{url} lleva {minutes} minutos sin responder.</translation>
    </message>
    <message>
        <source>The public key of {url} changed. This can mean the mint was replaced; check with its operator before accepting more of its tokens.</source>
        <translation>La clave pública de {url} ha cambiado. Puede que el mint haya sido sustituido; consulte a su operador antes de aceptar más tokens suyos.</translation>
    </message>
    <message>
        <source>Old coins of {url} expire in {days} days. Swap them or pay them out soon.</source>
        <translation>Monedas antiguas de {url} caducan en {days} días. Cámbielas o páguelas pronto.</translation>
    </message>
    <message>
        <source>The folder {folder} is not there (is the USB drive plugged in?). Nothing was exported; the app tries again every {minutes} minutes.</source>
        <translation>La carpeta {folder} no está (¿está conectada la unidad USB?). No se exportó nada; la aplicación lo intenta de nuevo cada {minutes} minutos.</translation>
    </message>
    <message>
        <source>{files} token file(s), {total}, saved to {folder}.</source>
        <translation>{files} archivo(s) de token, {total}, guardado(s) en {folder}.</translation>
    </message>
    <message>
        <source>{amount} sat from {url} were paid to the Lightning address (fee {fee} sat).</source>
        <translation>Se pagaron {amount} sat de {url} a la dirección Lightning (comisión {fee} sat).</translation>
    </message>
    <message>
        <source>{amount} sat from {url} were paid out, but the payment could not be proven. Check the Lightning wallet.</source>
        <translation>Se pagaron {amount} sat de {url}, pero no se pudo comprobar el pago. Revise la cartera Lightning.</translation>
    </message>
    <message>
        <source>A withdrawal of {amount} sat from {url} was not paid: its fees of up to {fee} sat are more than {cap}% of it. Nothing was spent.</source>
        <translation>No se realizó un retiro de {amount} sat de {url}: sus comisiones de hasta {fee} sat superan el {cap} % del importe. No se gastó nada.</translation>
    </message>
    <message>
        <source>Automatic withdrawals wait: the threshold of {threshold} sat is below the {minimum} sat the Lightning address accepts. Raise it in Settings.</source>
        <translation>Los retiros automáticos esperan: el umbral de {threshold} sat es inferior a los {minimum} sat mínimos que acepta la dirección Lightning. Súbalo en Ajustes.</translation>
    </message>
    <message>
        <source>{url} answered that it no longer exists (410 Gone): webhooks to it are stopped. Remove it, or resume it once the receiver is back.</source>
        <translation>{url} respondió que ya no existe (410 Gone): los webhooks hacia él se detuvieron. Elimínelo, o reanúdelo cuando el receptor vuelva.</translation>
    </message>
    <message>
        <source>An event ({event}) could not be delivered to {url} after {attempts} attempts. Redeliver it from the delivery history once the receiver works.</source>
        <translation>Un evento ({event}) no pudo entregarse a {url} tras {attempts} intentos. Reenvíelo desde el historial de entregas cuando el receptor funcione.</translation>
    </message>
    <message>
        <source>Deliveries to {url} have failed for 24 hours. The event being retried keeps trying; the ones after it wait until you resume the endpoint.</source>
        <translation>Las entregas a {url} fallan desde hace 24 horas. El evento que se está reintentando sigue intentándolo; los siguientes esperan hasta que reanude el receptor.</translation>
    </message>
    <message>
        <source>Coins worth {amount} {unit} at {url} are on old keys. Renewing them costs {fee} {unit}, above the limit of {cap}; they were left as they are.</source>
        <translation>Hay monedas por valor de {amount} {unit} en {url} con claves antiguas. Renovarlas cuesta {fee} {unit}, más que el límite de {cap}; se dejan como están.</translation>
    </message>
    <message>
        <source>(Sale {id}.)</source>
        <translation>(Venta {id}.)</translation>
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
        <translation>ecash a Lightning</translation>
    </message>
    <message>
        <source>ecash (converted)</source>
        <translation>ecash (convertido)</translation>
    </message>
    <message>
        <source>VAT no. {number}</source>
        <translation>NIF-IVA {number}</translation>
    </message>
    <message>
        <source>TRAINING - NOT A RECEIPT</source>
        <translation>FORMACIÓN - NO ES UN RECIBO</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>IVA</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Neto</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Impuesto</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>Bruto</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Venta</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Pagado</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Tipo de cambio</translation>
    </message>
    <message>
        <source>Service fee</source>
        <translation>Cargo de servicio</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Comisión</translation>
    </message>
    <message>
        <source>Paid with</source>
        <translation>Pagado con</translation>
    </message>
    <message>
        <source>Mint</source>
        <translation>Mint</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>Overpaid, kept</source>
        <translation>Pagado de más, retenido</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Reembolsado</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>PAID</source>
        <translation>PAGADO</translation>
    </message>
    <message>
        <source>PARTIALLY PAID</source>
        <translation>PAGADO EN PARTE</translation>
    </message>
    <message>
        <source>REFUNDED</source>
        <translation>REEMBOLSADO</translation>
    </message>
    <message>
        <source>PARTIALLY REFUNDED</source>
        <translation>REEMBOLSADO EN PARTE</translation>
    </message>
    <message>
        <source>{state} · Sale {id}</source>
        <translation>{state} · Venta {id}</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Recibo</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Subtotal</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Descuento</translation>
    </message>
    <message>
        <source>Tip</source>
        <translation>Propina</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>Imprimir recibo</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>In part</source>
        <translation>En parte</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Todavía no</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Reembolso</translation>
    </message>
    <message>
        <source>Of sale</source>
        <translation>De la venta</translation>
    </message>
    <message>
        <source>Sale date</source>
        <translation>Fecha de la venta</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>Cobrado</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>REFUND · Refund {id}</source>
        <translation>REEMBOLSO · Reembolso {id}</translation>
    </message>
    <message>
        <source>REFUND</source>
        <translation>REEMBOLSO</translation>
    </message>
</context>
</TS>
