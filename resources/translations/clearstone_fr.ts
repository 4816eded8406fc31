<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>Clearstone</name>
    <message>
        <source>&amp;About Clearstone</source>
        <translation>À &amp;propos de Clearstone</translation>
    </message>
    <message>
        <source>&amp;Add a processing step</source>
        <translation>Ajouter une é&amp;tape de transformation</translation>
    </message>
    <message>
        <source>&amp;Add document</source>
        <translation>Ajouter le doc&amp;ument</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Adresse</translation>
    </message>
    <message>
        <source>&amp;Also known as</source>
        <translation>Autres n&amp;oms</translation>
    </message>
    <message>
        <source>&amp;Attest &gt;</source>
        <translation>A&amp;ttester &gt;</translation>
    </message>
    <message>
        <source>&amp;Cancel import</source>
        <translation>&amp;Annuler l'import</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>&amp;Catégorie</translation>
    </message>
    <message>
        <source>&amp;Change folder…</source>
        <translation>&amp;Changer de dossier…</translation>
    </message>
    <message>
        <source>&amp;Check QR text</source>
        <translation>&amp;Vérifier le texte QR</translation>
    </message>
    <message>
        <source>&amp;Check again</source>
        <translation>&amp;Vérifier à nouveau</translation>
    </message>
    <message>
        <source>&amp;Close check</source>
        <translation>&amp;Fermer la vérification</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>&amp;Données</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exporter en CSV…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;Import lists…</source>
        <translation>&amp;Importer des listes…</translation>
    </message>
    <message>
        <source>&amp;Issued on</source>
        <translation>Dél&amp;ivré le</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>T&amp;ype</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>&amp;Left Russia on</source>
        <translation>S&amp;orti de Russie le</translation>
    </message>
    <message>
        <source>&amp;Lot ID</source>
        <translation>&amp;N° de lot</translation>
    </message>
    <message>
        <source>&amp;Mining countries</source>
        <translation>Pays d'&amp;extraction</translation>
    </message>
    <message>
        <source>&amp;New check</source>
        <translation>&amp;Nouvelle vérification</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Suivant &gt;</translation>
    </message>
    <message>
        <source>&amp;Open PDF…</source>
        <translation>&amp;Ouvrir un PDF…</translation>
    </message>
    <message>
        <source>&amp;Open lot</source>
        <translation>&amp;Ouvrir le lot</translation>
    </message>
    <message>
        <source>&amp;Open lot file…</source>
        <translation>&amp;Ouvrir un fichier de lot…</translation>
    </message>
    <message>
        <source>&amp;Paper size</source>
        <translation>&amp;Format du papier</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>Phras&amp;e secrète</translation>
    </message>
    <message>
        <source>&amp;Personal use</source>
        <translation>Usage personne&amp;l</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>&amp;Print attestation…</source>
        <translation>&amp;Imprimer l'attestation…</translation>
    </message>
    <message>
        <source>&amp;QR text</source>
        <translation>Texte &amp;QR</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Register…</source>
        <translation>&amp;Registre…</translation>
    </message>
    <message>
        <source>&amp;Restore draft</source>
        <translation>&amp;Restaurer le brouillon</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Rôle</translation>
    </message>
    <message>
        <source>&amp;Save lot file as…</source>
        <translation>&amp;Enregistrer le fichier de lot sous…</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>Ré&amp;glages</translation>
    </message>
    <message>
        <source>&amp;SoW ID</source>
        <translation>ID &amp;SoW</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>Fo&amp;nction</translation>
    </message>
    <message>
        <source>&amp;Total weight (ct)</source>
        <translation>Poids &amp;total (ct)</translation>
    </message>
    <message>
        <source>&amp;Transit countries</source>
        <translation>Pays de &amp;transit</translation>
    </message>
    <message>
        <source>&amp;Verify an attestation…</source>
        <translation>&amp;Vérifier une attestation…</translation>
    </message>
    <message>
        <source>&amp;Verify register</source>
        <translation>&amp;Vérifier le registre</translation>
    </message>
    <message>
        <source>(from the next start)</source>
        <translation>(au prochain démarrage)</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Retour</translation>
    </message>
    <message>
        <source>A .lot.json from a colleague or a previous check</source>
        <translation>Un .lot.json d'un collègue ou d'une vérification précédente</translation>
    </message>
    <message>
        <source>A KP &amp;certificate accompanies this lot</source>
        <translation>Un &amp;certificat KP accompagne ce lot</translation>
    </message>
    <message>
        <source>A KP certificate accompanies this lot</source>
        <translation>Un certificat KP accompagne ce lot</translation>
    </message>
    <message>
        <source>A PDF you received, or its QR text</source>
        <translation>Un PDF reçu, ou le texte de son QR</translation>
    </message>
    <message>
        <source>A possible match is not a verdict: compare the details and record your decision with a reason.</source>
        <translation>Une correspondance possible n'est pas un verdict : comparez les détails et enregistrez votre décision avec un motif.</translation>
    </message>
    <message>
        <source>A signed rule pack from the publisher; unsigned or older packs are refused.</source>
        <translation>Un paquet de règles signé par l'éditeur ; les paquets non signés ou plus anciens sont refusés.</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>About Clearstone</source>
        <translation>À propos de Clearstone</translation>
    </message>
    <message>
        <source>Active rule pack</source>
        <translation>Paquet de règles actif</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Add an o&amp;wner</source>
        <translation>Ajouter un &amp;propriétaire</translation>
    </message>
    <message>
        <source>Add country</source>
        <translation>Ajouter le pays</translation>
    </message>
    <message>
        <source>Addr&amp;ess</source>
        <translation>Adr&amp;esse</translation>
    </message>
    <message>
        <source>Against</source>
        <translation>Contre</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>Tous les enregistrements</translation>
    </message>
    <message>
        <source>An unexpected error occurred: {error}. Your check was saved automatically; restart to resume.</source>
        <translation>Une erreur inattendue s'est produite : {error}. Votre vérification a été enregistrée automatiquement ; redémarrez pour reprendre.</translation>
    </message>
    <message>
        <source>An unfinished check was saved automatically</source>
        <translation>Une vérification inachevée a été enregistrée automatiquement</translation>
    </message>
    <message>
        <source>Appea&amp;rance</source>
        <translation>Appa&amp;rence</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Attach a scan</source>
        <translation>Joindre un scan</translation>
    </message>
    <message>
        <source>Attach scan for document</source>
        <translation>Joindre un scan au document</translation>
    </message>
    <message>
        <source>Attach scan…</source>
        <translation>Joindre un scan…</translation>
    </message>
    <message>
        <source>Attest</source>
        <translation>Attester</translation>
    </message>
    <message>
        <source>Attestation</source>
        <translation>Attestation</translation>
    </message>
    <message>
        <source>Attestation preview</source>
        <translation>Aperçu de l'attestation</translation>
    </message>
    <message>
        <source>Attestation status</source>
        <translation>État de l'attestation</translation>
    </message>
    <message>
        <source>Attestation {number} signed and recorded in the register.</source>
        <translation>Attestation {number} signée et inscrite au registre.</translation>
    </message>
    <message>
        <source>Attestations</source>
        <translation>Attestations</translation>
    </message>
    <message>
        <source>Australia</source>
        <translation>Australie</translation>
    </message>
    <message>
        <source>Authority's prior confirmation</source>
        <translation>Confirmation préalable de l'autorité</translation>
    </message>
    <message>
        <source>Autosave failed</source>
        <translation>L'enregistrement automatique a échoué</translation>
    </message>
    <message>
        <source>Binds</source>
        <translation>S'applique à</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Bloqué</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Acheteur</translation>
    </message>
    <message>
        <source>C&amp;ountry</source>
        <translation>Pa&amp;ys</translation>
    </message>
    <message>
        <source>Canada</source>
        <translation>Canada</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Cannot be attested</source>
        <translation>Attestation impossible</translation>
    </message>
    <message>
        <source>Cannot be attested yet: a person must decide each item marked Needs review.</source>
        <translation>Pas encore attestable : une personne doit trancher chaque point marqué « À examiner ».</translation>
    </message>
    <message>
        <source>Cannot be attested yet: hold the documents named below, then check again.</source>
        <translation>Pas encore attestable : obtenez les documents indiqués ci-dessous, puis vérifiez à nouveau.</translation>
    </message>
    <message>
        <source>Cannot be attested: the transaction is blocked by the rules shown below.</source>
        <translation>Attestation impossible : la transaction est bloquée par les règles ci-dessous.</translation>
    </message>
    <message>
        <source>Caution</source>
        <translation>Attention</translation>
    </message>
    <message>
        <source>Certificate numb&amp;er</source>
        <translation>&amp;Numéro du certificat</translation>
    </message>
    <message>
        <source>Certificate says mixed origin</source>
        <translation>Le certificat indique « origine mixte »</translation>
    </message>
    <message>
        <source>Certificate says “mixed ori&amp;gin”</source>
        <translation>Le certificat indique « origine &amp;mixte »</translation>
    </message>
    <message>
        <source>Check a diamond lot</source>
        <translation>Vérifier un lot de diamants</translation>
    </message>
    <message>
        <source>Check summary</source>
        <translation>Résumé de la vérification</translation>
    </message>
    <message>
        <source>Checking the lot against the rules and the sanctions lists…</source>
        <translation>Vérification du lot au regard des règles et des listes de sanctions…</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>Checklist steps</source>
        <translation>Étapes de la liste de contrôle</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Vérifications</translation>
    </message>
    <message>
        <source>Choose &amp;file…</source>
        <translation>Choisir un &amp;fichier…</translation>
    </message>
    <message>
        <source>Choose f&amp;older…</source>
        <translation>Choisir un &amp;dossier…</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>Autorisé</translation>
    </message>
    <message>
        <source>Clearstone must close</source>
        <translation>Clearstone doit se fermer</translation>
    </message>
    <message>
        <source>Co&amp;mpany</source>
        <translation>S&amp;ociété</translation>
    </message>
    <message>
        <source>Co&amp;untry</source>
        <translation>Pa&amp;ys</translation>
    </message>
    <message>
        <source>Completed on</source>
        <translation>Terminé le</translation>
    </message>
    <message>
        <source>Cont&amp;ract date</source>
        <translation>Date d&amp;u contrat</translation>
    </message>
    <message>
        <source>Copy all data to {folder}?</source>
        <translation>Copier toutes les données dans {folder} ?</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>Contrepartie</translation>
    </message>
    <message>
        <source>Counterparty and owners</source>
        <translation>Contrepartie et propriétaires</translation>
    </message>
    <message>
        <source>Countries of origin</source>
        <translation>Pays d'origine</translation>
    </message>
    <message>
        <source>Countries of origin on the certificate</source>
        <translation>Pays d'origine indiqués sur le certificat</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Create signing &amp;identity</source>
        <translation>&amp;Créer l’identité de signature</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>D&amp;ate</source>
        <translation>Dat&amp;e</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Data could not be loaded</source>
        <translation>Les données n'ont pas pu être chargées</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Dossier de données</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>Fichier journal</translation>
    </message>
    <message>
        <source>Data warning</source>
        <translation>Avertissement sur les données</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Décidé</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Décisions</translation>
    </message>
    <message>
        <source>Defaults are used.</source>
        <translation>Les valeurs par défaut sont utilisées.</translation>
    </message>
    <message>
        <source>Deli&amp;very country</source>
        <translation>Pays de livrais&amp;on</translation>
    </message>
    <message>
        <source>Descr&amp;iption</source>
        <translation>Descr&amp;iption</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <source>Discard the autosaved draft</source>
        <translation>Abandonner le brouillon enregistré automatiquement</translation>
    </message>
    <message>
        <source>Document &amp;type</source>
        <translation>&amp;Type de document</translation>
    </message>
    <message>
        <source>Documents you hold for this lot. The review tells you which ones a rule asks for; attach a scan of each so its hash is kept in the register.</source>
        <translation>Les documents que vous détenez pour ce lot. L'examen indique ceux qu'une règle exige ; joignez le scan de chacun pour que son empreinte soit conservée au registre.</translation>
    </message>
    <message>
        <source>Draft not restored</source>
        <translation>Brouillon non restauré</translation>
    </message>
    <message>
        <source>Due diligence statement</source>
        <translation>Déclaration de diligence raisonnable</translation>
    </message>
    <message>
        <source>E&amp;xpires on</source>
        <translation>E&amp;xpire le</translation>
    </message>
    <message>
        <source>E-mai&amp;l</source>
        <translation>Co&amp;urriel</translation>
    </message>
    <message>
        <source>Each step after mining, in order. A lot of rough that was never cut has none. Where the stones were cut decides several rules.</source>
        <translation>Chaque étape après l'extraction, dans l'ordre. Un lot de bruts jamais taillé n'en a aucune. Le lieu de taille détermine plusieurs règles.</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Enter the lot step by step; Clearstone applies each jurisdiction's rules and screens the counterparty, then signs an attestation the buyer can verify offline.</source>
        <translation>Saisissez le lot étape par étape ; Clearstone applique les règles de chaque juridiction et contrôle la contrepartie, puis signe une attestation que l'acheteur peut vérifier hors ligne.</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Entrées</translation>
    </message>
    <message>
        <source>European Union</source>
        <translation>Union européenne</translation>
    </message>
    <message>
        <source>Every country where the stones were mined, and the Kimberley Process certificate if there is one.</source>
        <translation>Chaque pays où les pierres ont été extraites, et le certificat du Processus de Kimberley s'il y en a un.</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Justificatifs</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportation</translation>
    </message>
    <message>
        <source>Export register</source>
        <translation>Exporter le registre</translation>
    </message>
    <message>
        <source>Firm &amp;name</source>
        <translation>Nom de l’en&amp;treprise</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>Corriger</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Suivre le système</translation>
    </message>
    <message>
        <source>Français</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>G7 verification (e.g. Antwerp Diamond Office)</source>
        <translation>Vérification G7 (p. ex. Diamond Office d'Anvers)</translation>
    </message>
    <message>
        <source>General licence</source>
        <translation>Licence générale</translation>
    </message>
    <message>
        <source>Grading report</source>
        <translation>Rapport de classement</translation>
    </message>
    <message>
        <source>HS cod&amp;e</source>
        <translation>Code S&amp;H</translation>
    </message>
    <message>
        <source>Home jurisdiction</source>
        <translation>Juridiction d'origine</translation>
    </message>
    <message>
        <source>Home jurisdictions</source>
        <translation>Juridictions d'origine</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importation</translation>
    </message>
    <message>
        <source>Import &amp;sanctions lists…</source>
        <translation>Importer des listes de &amp;sanctions…</translation>
    </message>
    <message>
        <source>Import a rule pack</source>
        <translation>Importer un paquet de règles</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was changed.</source>
        <translation>Import annulé ; rien n'a été modifié.</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Progression de l'import</translation>
    </message>
    <message>
        <source>Import rule &amp;pack…</source>
        <translation>Importer un &amp;paquet de règles…</translation>
    </message>
    <message>
        <source>Import sanctions lists</source>
        <translation>Importer des listes de sanctions</translation>
    </message>
    <message>
        <source>Imported.</source>
        <translation>Importé.</translation>
    </message>
    <message>
        <source>Importing {name}…</source>
        <translation>Import de {name}…</translation>
    </message>
    <message>
        <source>Ind&amp;ustrial</source>
        <translation>&amp;Qualité industrielle</translation>
    </message>
    <message>
        <source>Invoice date</source>
        <translation>Date de la facture</translation>
    </message>
    <message>
        <source>Invoice nu&amp;mber</source>
        <translation>Nu&amp;méro de facture</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Délivré le</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Émetteur</translation>
    </message>
    <message>
        <source>Issuing c&amp;ountry</source>
        <translation>&amp;Pays émetteur</translation>
    </message>
    <message>
        <source>It is a match</source>
        <translation>C'est une correspondance</translation>
    </message>
    <message>
        <source>Japan</source>
        <translation>Japon</translation>
    </message>
    <message>
        <source>Jewellery</source>
        <translation>Bijouterie</translation>
    </message>
    <message>
        <source>Jurisdiction</source>
        <translation>Juridiction</translation>
    </message>
    <message>
        <source>Jurisdictions</source>
        <translation>Juridictions</translation>
    </message>
    <message>
        <source>Kimberley Process certificate</source>
        <translation>Certificat du Processus de Kimberley</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Lab-gro&amp;wn</source>
        <translation>De s&amp;ynthèse</translation>
    </message>
    <message>
        <source>Lar&amp;gest stone (ct)</source>
        <translation>Plus grosse &amp;pierre (ct)</translation>
    </message>
    <message>
        <source>Largest stone (ct)</source>
        <translation>Plus grosse pierre (ct)</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Lettre US</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>List {list} has no date.</source>
        <translation>La liste {list} n'a pas de date.</translation>
    </message>
    <message>
        <source>List {list} is {days} days old: import the current official file.</source>
        <translation>La liste {list} date de {days} jours : importez le fichier officiel actuel.</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>Listes</translation>
    </message>
    <message>
        <source>Lists: loading…</source>
        <translation>Listes : chargement…</translation>
    </message>
    <message>
        <source>Loaded lists</source>
        <translation>Listes chargées</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>Lot and transaction</source>
        <translation>Lot et transaction</translation>
    </message>
    <message>
        <source>Lot file not opened</source>
        <translation>Fichier de lot non ouvert</translation>
    </message>
    <message>
        <source>Lot files (*.lot.json *.json);;All files (*)</source>
        <translation>Fichiers de lot (*.lot.json *.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Lots</source>
        <translation>Lots</translation>
    </message>
    <message>
        <source>Ma&amp;ke portable (keep data beside the program)</source>
        <translation>Rendre porta&amp;ble (données à côté du programme)</translation>
    </message>
    <message>
        <source>Mining</source>
        <translation>Extraction</translation>
    </message>
    <message>
        <source>Mining &amp;area</source>
        <translation>&amp;Zone d'extraction</translation>
    </message>
    <message>
        <source>Mining countries</source>
        <translation>Pays d'extraction</translation>
    </message>
    <message>
        <source>Mining country</source>
        <translation>Pays d'extraction</translation>
    </message>
    <message>
        <source>Na&amp;me</source>
        <translation>No&amp;m</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Needed</source>
        <translation>Requis</translation>
    </message>
    <message>
        <source>Needs evidence</source>
        <translation>Justificatif requis</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>À examiner</translation>
    </message>
    <message>
        <source>New Zealand</source>
        <translation>Nouvelle-Zélande</translation>
    </message>
    <message>
        <source>No documents yet.</source>
        <translation>Aucun document pour l'instant.</translation>
    </message>
    <message>
        <source>No match in the loaded lists for {n} name(s).</source>
        <translation>Aucune correspondance dans les listes chargées pour {n} nom(s).</translation>
    </message>
    <message>
        <source>No official sanctions list loaded for {codes}: import one (Data → Import sanctions lists).</source>
        <translation>Aucune liste officielle de sanctions chargée pour {codes} : importez-en une (Données → Importer des listes de sanctions).</translation>
    </message>
    <message>
        <source>No owners entered. Owners with 50 % or more matter for sanctions.</source>
        <translation>Aucun propriétaire saisi. Les propriétaires à 50 % ou plus comptent pour les sanctions.</translation>
    </message>
    <message>
        <source>No possible match.</source>
        <translation>Aucune correspondance possible.</translation>
    </message>
    <message>
        <source>No processing steps: rough as mined.</source>
        <translation>Aucune étape de transformation : brut tel qu'extrait.</translation>
    </message>
    <message>
        <source>No rule applies to this lot.</source>
        <translation>Aucune règle ne s'applique à ce lot.</translation>
    </message>
    <message>
        <source>No rule pack is loaded; checks cannot run.</source>
        <translation>Aucun paquet de règles n'est chargé ; les vérifications ne peuvent pas s'exécuter.</translation>
    </message>
    <message>
        <source>No scan attached</source>
        <translation>Aucun scan joint</translation>
    </message>
    <message>
        <source>No signing identity yet. Create one now; you do this once.</source>
        <translation>Pas encore d'identité de signature. Créez-la maintenant ; vous ne le ferez qu'une fois.</translation>
    </message>
    <message>
        <source>None on the invoice</source>
        <translation>Aucune sur la facture</translation>
    </message>
    <message>
        <source>Not a match</source>
        <translation>Pas une correspondance</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>Pas encore vérifié.</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>Non exporté</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>Non imprimé</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <source>Not signed</source>
        <translation>Non signé</translation>
    </message>
    <message>
        <source>Not valid</source>
        <translation>Non valide</translation>
    </message>
    <message>
        <source>Certificate SHA-256</source>
        <translation>Certificat SHA-256</translation>
    </message>
    <message>
        <source>Untrusted issuer — not verified</source>
        <translation>Émetteur non approuvé — non vérifié</translation>
    </message>
    <message>
        <source>Valid — issuer trusted</source>
        <translation>Valide — émetteur approuvé</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Que faire</translation>
    </message>
    <message>
        <source>Why not trusted</source>
        <translation>Pourquoi non approuvé</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <source>Nothing yet. Your checks and attestations will be listed here.</source>
        <translation>Rien pour l'instant. Vos vérifications et attestations apparaîtront ici.</translation>
    </message>
    <message>
        <source>Number of st&amp;ones</source>
        <translation>Nom&amp;bre de pierres</translation>
    </message>
    <message>
        <source>Official files from UN, OFAC, EU or UK; the format is recognised from the content.</source>
        <translation>Fichiers officiels de l'ONU, de l'OFAC, de l'UE ou du Royaume-Uni ; le format est reconnu d'après le contenu.</translation>
    </message>
    <message>
        <source>Offline compliance checks and signed attestations for diamond lots.</source>
        <translation>Vérifications de conformité hors ligne et attestations signées pour les lots de diamants.</translation>
    </message>
    <message>
        <source>Open attestation</source>
        <translation>Ouvrir une attestation</translation>
    </message>
    <message>
        <source>Open lot file</source>
        <translation>Ouvrir un fichier de lot</translation>
    </message>
    <message>
        <source>Open the signed PDF, or paste the text read from its QR code (starts with CS1:).</source>
        <translation>Ouvrez le PDF signé, ou collez le texte lu dans son code QR (commence par CS1:).</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Origine</translation>
    </message>
    <message>
        <source>Origin report</source>
        <translation>Rapport d'origine</translation>
    </message>
    <message>
        <source>Original (2002)</source>
        <translation>Originale (2002)</translation>
    </message>
    <message>
        <source>Other documents (G7 verification, declarations, reports) come later.</source>
        <translation>Les autres documents (vérification G7, déclarations, rapports) viennent plus loin.</translation>
    </message>
    <message>
        <source>Outside R&amp;ussia since</source>
        <translation>Hors de R&amp;ussie depuis</translation>
    </message>
    <message>
        <source>Owner country</source>
        <translation>Pays du propriétaire</translation>
    </message>
    <message>
        <source>Owner kind</source>
        <translation>Type de propriétaire</translation>
    </message>
    <message>
        <source>Owner name</source>
        <translation>Nom du propriétaire</translation>
    </message>
    <message>
        <source>Owner share in percent</source>
        <translation>Part du propriétaire en pourcentage</translation>
    </message>
    <message>
        <source>Owners</source>
        <translation>Propriétaires</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>I&amp;mprimer…</translation>
    </message>
    <message>
        <source>Passphras&amp;e</source>
        <translation>P&amp;hrase secrète</translation>
    </message>
    <message>
        <source>Passphrase for signing</source>
        <translation>Phrase secrète pour signer</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Polished</source>
        <translation>Poli</translation>
    </message>
    <message>
        <source>Portable mode</source>
        <translation>Mode portable</translation>
    </message>
    <message>
        <source>Portable mode suits a USB stick at trade shows. Changes apply at the next start.</source>
        <translation>Le mode portable convient à une clé USB sur les salons. Les changements prennent effet au prochain démarrage.</translation>
    </message>
    <message>
        <source>Preparing the pages for the printer…</source>
        <translation>Préparation des pages pour l'imprimante…</translation>
    </message>
    <message>
        <source>Print attestation</source>
        <translation>Imprimer l'attestation</translation>
    </message>
    <message>
        <source>Printing and display</source>
        <translation>Impression et affichage</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>Transformation</translation>
    </message>
    <message>
        <source>Processing country</source>
        <translation>Pays de transformation</translation>
    </message>
    <message>
        <source>Processing steps</source>
        <translation>Étapes de transformation</translation>
    </message>
    <message>
        <source>Proof of location before a ban</source>
        <translation>Preuve de localisation avant une interdiction</translation>
    </message>
    <message>
        <source>Purchase</source>
        <translation>Achat</translation>
    </message>
    <message>
        <source>QR text</source>
        <translation>Texte QR</translation>
    </message>
    <message>
        <source>Re&amp;gistration no.</source>
        <translation>N° d’&amp;immatriculation</translation>
    </message>
    <message>
        <source>Re-&amp;check on today's rules</source>
        <translation>Revérifier selon les règles du &amp;jour</translation>
    </message>
    <message>
        <source>Re-screening alerts</source>
        <translation>Alertes de nouveau contrôle</translation>
    </message>
    <message>
        <source>Ready to attest: nothing prevents this transaction.</source>
        <translation>Prêt à attester : rien n'empêche cette transaction.</translation>
    </message>
    <message>
        <source>Ready to sign.</source>
        <translation>Prêt à signer.</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Reason (required), e.g. different date of birth and country</source>
        <translation>Motif (obligatoire), p. ex. date de naissance et pays différents</translation>
    </message>
    <message>
        <source>Reason for the decision on</source>
        <translation>Motif de la décision sur</translation>
    </message>
    <message>
        <source>Recent &amp;work</source>
        <translation>Travau&amp;x récents</translation>
    </message>
    <message>
        <source>Recent work</source>
        <translation>Travaux récents</translation>
    </message>
    <message>
        <source>Record details</source>
        <translation>Détails de l'enregistrement</translation>
    </message>
    <message>
        <source>Record kind</source>
        <translation>Type d'enregistrement</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Enregistrements</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Registre</translation>
    </message>
    <message>
        <source>Register of checks and attestations</source>
        <translation>Registre des vérifications et attestations</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Remove document</source>
        <translation>Retirer le document</translation>
    </message>
    <message>
        <source>Remove selected country</source>
        <translation>Retirer le pays sélectionné</translation>
    </message>
    <message>
        <source>Repe&amp;at passphrase</source>
        <translation>Ré&amp;péter la phrase secrète</translation>
    </message>
    <message>
        <source>Restore the autosaved draft</source>
        <translation>Restaurer le brouillon enregistré automatiquement</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Examen</translation>
    </message>
    <message>
        <source>Revised (2021)</source>
        <translation>Révisée (2021)</translation>
    </message>
    <message>
        <source>Rough</source>
        <translation>Brut</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Itinéraire</translation>
    </message>
    <message>
        <source>Rule pack</source>
        <translation>Paquet de règles</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Règles</translation>
    </message>
    <message>
        <source>Rules in force on {date}; rule pack {pack} {version} (as of {as_of}).</source>
        <translation>Règles en vigueur le {date} ; paquet de règles {pack} {version} (au {as_of}).</translation>
    </message>
    <message>
        <source>Rules of</source>
        <translation>Règles de</translation>
    </message>
    <message>
        <source>Rules: loading…</source>
        <translation>Règles : chargement…</translation>
    </message>
    <message>
        <source>Sa&amp;ve PDF…</source>
        <translation>Sauvegarder &amp;le PDF…</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Vente</translation>
    </message>
    <message>
        <source>Sanctions lists</source>
        <translation>Listes de sanctions</translation>
    </message>
    <message>
        <source>Sanctions screening</source>
        <translation>Contrôle des sanctions</translation>
    </message>
    <message>
        <source>Save &amp;PDF…</source>
        <translation>Enregistrer le &amp;PDF…</translation>
    </message>
    <message>
        <source>Save attestation</source>
        <translation>Enregistrer l'attestation</translation>
    </message>
    <message>
        <source>Save lot file</source>
        <translation>Enregistrer le fichier de lot</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>Enregistré dans {path}.</translation>
    </message>
    <message>
        <source>Scan not attached</source>
        <translation>Scan non joint</translation>
    </message>
    <message>
        <source>Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)</source>
        <translation>Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Screened</source>
        <translation>Contrôlés</translation>
    </message>
    <message>
        <source>Screening is not available: </source>
        <translation>Le contrôle n'est pas disponible : </translation>
    </message>
    <message>
        <source>Screening status</source>
        <translation>État du contrôle</translation>
    </message>
    <message>
        <source>Screening…</source>
        <translation>Contrôle en cours…</translation>
    </message>
    <message>
        <source>Search the register</source>
        <translation>Rechercher dans le registre</translation>
    </message>
    <message>
        <source>Seller</source>
        <translation>Vendeur</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Envoyé à l'imprimante.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <source>Settings not read</source>
        <translation>Réglages non lus</translation>
    </message>
    <message>
        <source>Share %</source>
        <translation>Part %</translation>
    </message>
    <message>
        <source>Si&amp;gn attestation</source>
        <translation>S&amp;igner l’attestation</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Signer</translation>
    </message>
    <message>
        <source>Sign the attestation for the buyer. The printed page carries a QR code anyone can check offline.</source>
        <translation>Signez l'attestation pour l'acheteur. La page imprimée porte un code QR que chacun peut vérifier hors ligne.</translation>
    </message>
    <message>
        <source>Signed at</source>
        <translation>Signé le</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>Signataire</translation>
    </message>
    <message>
        <source>Signing as</source>
        <translation>Signature en tant que</translation>
    </message>
    <message>
        <source>Signing identity</source>
        <translation>Identité de signature</translation>
    </message>
    <message>
        <source>Signing status</source>
        <translation>État de la signature</translation>
    </message>
    <message>
        <source>Signing…</source>
        <translation>Signature…</translation>
    </message>
    <message>
        <source>SoW warrant&amp;y</source>
        <translation>Garantie So&amp;W</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Start with an empty lot</source>
        <translation>Commencer avec un lot vide</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Stones</source>
        <translation>Pierres</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>Supplier's SoW ID</source>
        <translation>ID SoW du fournisseur</translation>
    </message>
    <message>
        <source>Supplier's declaration of non-Russian origin</source>
        <translation>Déclaration du fournisseur d'origine non russe</translation>
    </message>
    <message>
        <source>Switzerland</source>
        <translation>Suisse</translation>
    </message>
    <message>
        <source>The check could not run: </source>
        <translation>La vérification n'a pas pu s'exécuter : </translation>
    </message>
    <message>
        <source>The identity was not created</source>
        <translation>L'identité n'a pas été créée</translation>
    </message>
    <message>
        <source>The key stays on this computer, protected by the passphrase. Keep the passphrase safe.</source>
        <translation>La clé reste sur cet ordinateur, protégée par la phrase secrète. Conservez-la en lieu sûr.</translation>
    </message>
    <message>
        <source>The lot is not complete yet: </source>
        <translation>Le lot n'est pas encore complet : </translation>
    </message>
    <message>
        <source>The lot is not complete; go back to the steps marked with a dot.</source>
        <translation>Le lot n'est pas complet ; revenez aux étapes marquées d'un point.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Les deux phrases secrètes diffèrent.</translation>
    </message>
    <message>
        <source>This build cannot draw PDF pages. Save the PDF and print it from a PDF viewer.</source>
        <translation>Cette version ne sait pas dessiner les pages PDF. Enregistrez le PDF et imprimez-le depuis une visionneuse PDF.</translation>
    </message>
    <message>
        <source>Total weight (ct)</source>
        <translation>Poids total (ct)</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>Transaction</translation>
    </message>
    <message>
        <source>Transit countries</source>
        <translation>Pays de transit</translation>
    </message>
    <message>
        <source>Type a country or code</source>
        <translation>Saisissez un pays ou un code</translation>
    </message>
    <message>
        <source>Type a name to screen it.</source>
        <translation>Saisissez un nom pour le contrôler.</translation>
    </message>
    <message>
        <source>Type of document to add</source>
        <translation>Type de document à ajouter</translation>
    </message>
    <message>
        <source>United Kingdom</source>
        <translation>Royaume-Uni</translation>
    </message>
    <message>
        <source>United States</source>
        <translation>États-Unis</translation>
    </message>
    <message>
        <source>Unsorted</source>
        <translation>Non trié</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Valide</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>Verification details</source>
        <translation>Détails de la vérification</translation>
    </message>
    <message>
        <source>Verification result</source>
        <translation>Résultat de la vérification</translation>
    </message>
    <message>
        <source>Verify an attestation</source>
        <translation>Vérifier une attestation</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>What each jurisdiction's rules say about this lot on the transaction date, and why.</source>
        <translation>Ce que disent les règles de chaque juridiction sur ce lot à la date de la transaction, et pourquoi.</translation>
    </message>
    <message>
        <source>What is being bought or sold, when, and under which countries' rules.</source>
        <translation>Ce qui est acheté ou vendu, quand, et selon les règles de quels pays.</translation>
    </message>
    <message>
        <source>What is missing</source>
        <translation>Ce qui manque</translation>
    </message>
    <message>
        <source>What the document claims (not verified):</source>
        <translation>Ce que le document affirme (non vérifié) :</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>Quand (UTC)</translation>
    </message>
    <message>
        <source>Who you are dealing with and who owns them. Names are screened against the sanctions lists as you type.</source>
        <translation>Avec qui vous traitez et à qui ils appartiennent. Les noms sont contrôlés au regard des listes de sanctions pendant la saisie.</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, if ever</source>
        <translation>AAAA-MM-JJ, le cas échéant</translation>
    </message>
    <message>
        <source>Your &amp;name</source>
        <translation>&amp;Votre nom</translation>
    </message>
    <message>
        <source>Your firm</source>
        <translation>Votre entreprise</translation>
    </message>
    <message>
        <source>as of</source>
        <translation>au</translation>
    </message>
    <message>
        <source>awaiting your decision</source>
        <translation>en attente de votre décision</translation>
    </message>
    <message>
        <source>binds</source>
        <translation>s'applique à</translation>
    </message>
    <message>
        <source>bundled</source>
        <translation>intégrée</translation>
    </message>
    <message>
        <source>choose at least one home jurisdiction</source>
        <translation>choisissez au moins une juridiction d'origine</translation>
    </message>
    <message>
        <source>d</source>
        <translation>j</translation>
    </message>
    <message>
        <source>decided</source>
        <translation>décidé</translation>
    </message>
    <message>
        <source>e.g. Round brilliant, 1 stone</source>
        <translation>p. ex. Brillant rond, 1 pierre</translation>
    </message>
    <message>
        <source>lists</source>
        <translation>listes</translation>
    </message>
    <message>
        <source>lot ID, counterparty, attestation number…</source>
        <translation>n° de lot, contrepartie, n° d'attestation…</translation>
    </message>
    <message>
        <source>matched alias</source>
        <translation>alias correspondant</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>sans date</translation>
    </message>
    <message>
        <source>no list loaded</source>
        <translation>aucune liste chargée</translation>
    </message>
    <message>
        <source>no rule pack</source>
        <translation>aucun paquet de règles</translation>
    </message>
    <message>
        <source>none loaded</source>
        <translation>aucune chargée</translation>
    </message>
    <message>
        <source>number on the document</source>
        <translation>numéro figurant sur le document</translation>
    </message>
    <message>
        <source>only where it matters</source>
        <translation>seulement si cela compte</translation>
    </message>
    <message>
        <source>other names, separated by ;</source>
        <translation>autres noms, séparés par ;</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>propriétaire</translation>
    </message>
    <message>
        <source>possible match</source>
        <translation>correspondance possible</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>enregistré</translation>
    </message>
    <message>
        <source>score</source>
        <translation>score</translation>
    </message>
    <message>
        <source>step</source>
        <translation>étape</translation>
    </message>
    <message>
        <source>strong match</source>
        <translation>correspondance forte</translation>
    </message>
    <message>
        <source>{n} possible match(es) — decide each one below.</source>
        <translation>{n} correspondance(s) possible(s) — tranchez chacune ci-dessous.</translation>
    </message>
    <message>
        <source>{n} thing(s) to complete on this page.</source>
        <translation>{n} élément(s) à compléter sur cette page.</translation>
    </message>
    <message>
        <source>{n} thing(s) to complete on this page; first: {first}</source>
        <translation>{n} élément(s) à compléter sur cette page ; d'abord : {first}</translation>
    </message>
    <message>
        <source>Decide on a finding in review</source>
        <translation>Trancher un constat à examiner</translation>
    </message>
    <message>
        <source>&amp;Resolution</source>
        <translation>&amp;Décision</translation>
    </message>
    <message>
        <source>Reaso&amp;n</source>
        <translation>Moti&amp;f</translation>
    </message>
    <message>
        <source>Why — the source you checked, the document you hold</source>
        <translation>Pourquoi — la source vérifiée, le document détenu</translation>
    </message>
    <message>
        <source>Decide…</source>
        <translation>Trancher…</translation>
    </message>
    <message>
        <source>Every jurisdiction</source>
        <translation>Toutes les juridictions</translation>
    </message>
    <message>
        <source>Also check</source>
        <translation>Vérifier aussi</translation>
    </message>
    <message>
        <source>Attest anyway: I accept these gaps, for the reason below</source>
        <translation>Attester quand même : j’accepte ces lacunes, pour le motif ci-dessous</translation>
    </message>
    <message>
        <source>Choose what this finding becomes.</source>
        <translation>Choisissez ce que devient ce constat.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Decided &amp;by</source>
        <translation>Décidé &amp;par</translation>
    </message>
    <message>
        <source>Give a reason for accepting the sanctions-list gaps, or import current lists.</source>
        <translation>Donnez le motif d’accepter les lacunes des listes de sanctions, ou importez des listes à jour.</translation>
    </message>
    <message>
        <source>Likely outcome from the sources: {outcome} (unverified — check before you decide)</source>
        <translation>Issue probable selon les sources : {outcome} (non vérifiée — contrôlez avant de décider)</translation>
    </message>
    <message>
        <source>List {list} gives no publication date: it cannot count as current.</source>
        <translation>La liste {list} ne donne pas de date de publication : elle ne peut pas compter comme à jour.</translation>
    </message>
    <message>
        <source>Not recorded: </source>
        <translation>Non enregistré : </translation>
    </message>
    <message>
        <source>Reason for accepting the list gaps</source>
        <translation>Motif d’acceptation des lacunes des listes</translation>
    </message>
    <message>
        <source>Sanctions-list coverage</source>
        <translation>Couverture des listes de sanctions</translation>
    </message>
    <message>
        <source>Why, e.g. the official lists were checked on their websites today</source>
        <translation>Pourquoi, p. ex. les listes officielles ont été vérifiées aujourd’hui sur leurs sites</translation>
    </message>
    <message>
        <source>by</source>
        <translation>par</translation>
    </message>
    <message>
        <source>From the buyer's country</source>
        <translation>Selon le pays de l’acheteur</translation>
    </message>
    <!-- GUI (H4): the dealer's flow, issues 12, 13, 15 and 16 -->
    <message>
        <source>&amp;Person</source>
        <translation>&amp;Personne</translation>
    </message>
    <message>
        <source>&amp;Your country (issuer)</source>
        <translation>&amp;Votre pays (émetteur)</translation>
    </message>
    <message>
        <source>A&amp;dd person</source>
        <translation>A&amp;jouter une personne</translation>
    </message>
    <message>
        <source>Deciding</source>
        <translation>Décide</translation>
    </message>
    <message>
        <source>Lists count as current &amp;for</source>
        <translation>Listes considérées à jour &amp;pendant</translation>
    </message>
    <message>
        <source>Regimes</source>
        <translation>Régimes</translation>
    </message>
    <message>
        <source>SoW &amp;warranty</source>
        <translation>Garantie So&amp;W</translation>
    </message>
    <message>
        <source>A currency is three capital letters, for example USD.</source>
        <translation>Une devise s’écrit en trois majuscules, par exemple USD.</translation>
    </message>
    <message>
        <source>A second person confirms each dismissal of an exact sanctions match (four eyes)</source>
        <translation>Une seconde personne confirme chaque rejet d’une correspondance exacte (quatre yeux)</translation>
    </message>
    <message>
        <source>A second person must confirm: not the one who decided.</source>
        <translation>Une seconde personne doit confirmer : pas celle qui a décidé.</translation>
    </message>
    <message>
        <source>A share cannot be more than 100 %: “{value}”.</source>
        <translation>Une part ne peut dépasser 100 % : « {value} ».</translation>
    </message>
    <message>
        <source>A whole number from 1, please.</source>
        <translation>Un nombre entier à partir de 1, s’il vous plaît.</translation>
    </message>
    <message>
        <source>Add at least one.</source>
        <translation>Ajoutez-en au moins un.</translation>
    </message>
    <message>
        <source>Add regime</source>
        <translation>Ajouter le régime</translation>
    </message>
    <message>
        <source>Add the chosen regime</source>
        <translation>Ajouter le régime choisi</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Also known as</source>
        <translation>Autres noms</translation>
    </message>
    <message>
        <source>An exact match is dismissed only with the fact that tells them apart:</source>
        <translation>Une correspondance exacte ne s’écarte qu’avec le fait qui les distingue :</translation>
    </message>
    <message>
        <source>Broker</source>
        <translation>Courtier</translation>
    </message>
    <message>
        <source>Cannot be negative: “{value}”.</source>
        <translation>Ne peut pas être négatif : « {value} ».</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Transporteur</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Choose one of the values offered.</source>
        <translation>Choisissez l’une des valeurs proposées.</translation>
    </message>
    <message>
        <source>Choose or type the name of a person.</source>
        <translation>Choisissez ou tapez le nom d’une personne.</translation>
    </message>
    <message>
        <source>Confirm a dismissal</source>
        <translation>Confirmer un rejet</translation>
    </message>
    <message>
        <source>Confirm dismissal</source>
        <translation>Confirmer le rejet</translation>
    </message>
    <message>
        <source>Confirm dismissal…</source>
        <translation>Confirmer le rejet…</translation>
    </message>
    <message>
        <source>Confirmed by</source>
        <translation>Confirmé par</translation>
    </message>
    <message>
        <source>Consignee</source>
        <translation>Destinataire</translation>
    </message>
    <message>
        <source>Contract date</source>
        <translation>Date du contrat</translation>
    </message>
    <message>
        <source>Country of origin</source>
        <translation>Pays d’origine</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Decisions on sanctions matches and review items record who made them. Choose your name; the list is kept in Settings → People.</source>
        <translation>Les décisions sur les correspondances et les points à examiner enregistrent qui les a prises. Choisissez votre nom ; la liste se trouve dans Paramètres → Personnes.</translation>
    </message>
    <message>
        <source>Delivery country</source>
        <translation>Pays de livraison</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Differs</source>
        <translation>Diffère</translation>
    </message>
    <message>
        <source>Each regime can be added once.</source>
        <translation>Chaque régime ne peut être ajouté qu’une fois.</translation>
    </message>
    <message>
        <source>Everyone who decides on matches and review items at this computer; the signer is one of them. With two or more, Clearstone asks at start who is at the keyboard.</source>
        <translation>Toutes les personnes qui décident des correspondances et des points à examiner sur cet ordinateur ; le signataire en fait partie. À partir de deux, Clearstone demande au démarrage qui est au clavier.</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>Expire le</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>Marchandises</translation>
    </message>
    <message>
        <source>HS code</source>
        <translation>Code SH</translation>
    </message>
    <message>
        <source>IMO number</source>
        <translation>Numéro OMI</translation>
    </message>
    <message>
        <source>Identifying fact that differs</source>
        <translation>Élément d’identification qui diffère</translation>
    </message>
    <message>
        <source>Invoice number</source>
        <translation>Numéro de facture</translation>
    </message>
    <message>
        <source>Issuing country</source>
        <translation>Pays émetteur</translation>
    </message>
    <message>
        <source>LEI</source>
        <translation>LEI</translation>
    </message>
    <message>
        <source>Laboratory</source>
        <translation>Laboratoire</translation>
    </message>
    <message>
        <source>Left Russia on</source>
        <translation>Sorti de Russie le</translation>
    </message>
    <message>
        <source>Lot ID</source>
        <translation>Identifiant du lot</translation>
    </message>
    <message>
        <source>Mining area</source>
        <translation>Zone d’extraction</translation>
    </message>
    <message>
        <source>Name of a person</source>
        <translation>Nom d’une personne</translation>
    </message>
    <message>
        <source>Name of a person to add</source>
        <translation>Nom de la personne à ajouter</translation>
    </message>
    <message>
        <source>National ID number</source>
        <translation>Numéro d’identité nationale</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nationalité</translation>
    </message>
    <message>
        <source>No regime follows from the facts yet: give your country, the buyer's country or the delivery country, or add a regime.</source>
        <translation>Aucun régime ne découle encore des faits : indiquez votre pays, celui de l’acheteur ou le pays de livraison, ou ajoutez un régime.</translation>
    </message>
    <message>
        <source>Nobody chosen to decide</source>
        <translation>Personne n’est désigné pour décider</translation>
    </message>
    <message>
        <source>Not a date of birth: “{value}”. Write YYYY-MM-DD, or only the year.</source>
        <translation>Date de naissance invalide : « {value} ». Écrivez AAAA-MM-JJ, ou seulement l’année.</translation>
    </message>
    <message>
        <source>Not a date: “{value}”. Write it as YYYY-MM-DD, for example 2026-12-01.</source>
        <translation>Date invalide : « {value} ». Écrivez-la AAAA-MM-JJ, par exemple 2026-12-01.</translation>
    </message>
    <message>
        <source>Not a number: “{value}”. Use a point for decimals, for example 0.50.</source>
        <translation>Nombre invalide : « {value} ». Utilisez un point pour les décimales, par exemple 0.50.</translation>
    </message>
    <message>
        <source>Not an HS code: “{value}”. For example 7102.39.</source>
        <translation>Code SH invalide : « {value} ». Par exemple 7102.39.</translation>
    </message>
    <message>
        <source>Not in the expected form: “{value}”.</source>
        <translation>Forme inattendue : « {value} ».</translation>
    </message>
    <message>
        <source>Number of stones</source>
        <translation>Nombre de pierres</translation>
    </message>
    <message>
        <source>Other identifier</source>
        <translation>Autre identifiant</translation>
    </message>
    <message>
        <source>Outside Russia since</source>
        <translation>Hors de Russie depuis</translation>
    </message>
    <message>
        <source>Owner's country</source>
        <translation>Pays du propriétaire</translation>
    </message>
    <message>
        <source>Owner's name</source>
        <translation>Nom du propriétaire</translation>
    </message>
    <message>
        <source>Owner's share</source>
        <translation>Part du propriétaire</translation>
    </message>
    <message>
        <source>Passport number</source>
        <translation>Numéro de passeport</translation>
    </message>
    <message>
        <source>People who decide</source>
        <translation>Personnes qui décident</translation>
    </message>
    <message>
        <source>Person deciding</source>
        <translation>Personne qui décide</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Regime</source>
        <translation>Régime</translation>
    </message>
    <message>
        <source>Regime to add</source>
        <translation>Régime à ajouter</translation>
    </message>
    <message>
        <source>Regimes marked ✔ follow from the facts (your seat, the buyer, the delivery) and always apply.</source>
        <translation>Les régimes marqués ✔ découlent des faits (votre siège, l’acheteur, la livraison) et s’appliquent toujours.</translation>
    </message>
    <message>
        <source>Registration no.</source>
        <translation>N° d’immatriculation</translation>
    </message>
    <message>
        <source>Registration number</source>
        <translation>Numéro d’immatriculation</translation>
    </message>
    <message>
        <source>Remove person</source>
        <translation>Retirer la personne</translation>
    </message>
    <message>
        <source>Remove regime</source>
        <translation>Retirer le régime</translation>
    </message>
    <message>
        <source>Remove the invisible control characters.</source>
        <translation>Retirez les caractères de contrôle invisibles.</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Obligatoire.</translation>
    </message>
    <message>
        <source>Tax number</source>
        <translation>Numéro fiscal</translation>
    </message>
    <message>
        <source>The largest stone ({largest} ct) weighs more than the whole lot ({total} ct).</source>
        <translation>La plus grosse pierre ({largest} ct) pèse plus que le lot entier ({total} ct).</translation>
    </message>
    <message>
        <source>The largest stone must weigh more than 0 ct.</source>
        <translation>La plus grosse pierre doit peser plus de 0 ct.</translation>
    </message>
    <message>
        <source>The listed value</source>
        <translation>La valeur inscrite sur la liste</translation>
    </message>
    <message>
        <source>The owners’ shares add up to {value} %, more than 100 %.</source>
        <translation>Les parts des propriétaires totalisent {value} %, plus de 100 %.</translation>
    </message>
    <message>
        <source>The party's value</source>
        <translation>La valeur de la partie</translation>
    </message>
    <message>
        <source>Too large to be plausible: {value}.</source>
        <translation>Trop grand pour être plausible : {value}.</translation>
    </message>
    <message>
        <source>Too long.</source>
        <translation>Trop long.</translation>
    </message>
    <message>
        <source>Too many decimal places: “{value}”.</source>
        <translation>Trop de décimales : « {value} ».</translation>
    </message>
    <message>
        <source>Unknown country “{value}”: type a name or code and pick it from the list.</source>
        <translation>Pays inconnu « {value} » : tapez un nom ou un code et choisissez-le dans la liste.</translation>
    </message>
    <message>
        <source>Unknown kind of document.</source>
        <translation>Type de document inconnu.</translation>
    </message>
    <message>
        <source>Unknown regime “{value}”.</source>
        <translation>Régime inconnu « {value} ».</translation>
    </message>
    <message>
        <source>Weight (ct)</source>
        <translation>Poids (ct)</translation>
    </message>
    <message>
        <source>Where were the stones cut? Add at least one processing step (country, activity, date).</source>
        <translation>Où les pierres ont-elles été taillées ? Ajoutez au moins une étape de transformation (pays, activité, date).</translation>
    </message>
    <message>
        <source>Who is deciding?</source>
        <translation>Qui décide ?</translation>
    </message>
    <message>
        <source>Your country</source>
        <translation>Votre pays</translation>
    </message>
    <message>
        <source>added by you</source>
        <translation>ajouté par vous</translation>
    </message>
    <message>
        <source>awaiting confirmation by a second person</source>
        <translation>en attente de confirmation par une seconde personne</translation>
    </message>
    <message>
        <source>buyer in {country}</source>
        <translation>acheteur : {country}</translation>
    </message>
    <message>
        <source>consignee in {country}</source>
        <translation>destinataire : {country}</translation>
    </message>
    <message>
        <source>days</source>
        <translation>jours</translation>
    </message>
    <message>
        <source>decided by</source>
        <translation>décidé par</translation>
    </message>
    <message>
        <source>delivery to {country}</source>
        <translation>livraison : {country}</translation>
    </message>
    <message>
        <source>exact match</source>
        <translation>correspondance exacte</translation>
    </message>
    <message>
        <source>import into {country}</source>
        <translation>importation : {country}</translation>
    </message>
    <message>
        <source>listed</source>
        <translation>sur la liste</translation>
    </message>
    <message>
        <source>not given by the list</source>
        <translation>non indiqué par la liste</translation>
    </message>
    <message>
        <source>not given by the list: type it from the official entry, if you checked it</source>
        <translation>non indiqué par la liste : tapez-le depuis l’inscription officielle, si vous l’avez vérifiée</translation>
    </message>
    <message>
        <source>party</source>
        <translation>partie</translation>
    </message>
    <message>
        <source>the party's value, from its documents</source>
        <translation>la valeur de la partie, d’après ses documents</translation>
    </message>
    <message>
        <source>your seat in {country}</source>
        <translation>votre siège : {country}</translation>
    </message>
    <message>
        <source>{who} decided that «{party}» is not {name} ({list} {entry}). A second person confirms this before the lot can be attested.</source>
        <translation>{who} a décidé que « {party} » n’est pas {name} ({list} {entry}). Une seconde personne le confirme avant que le lot puisse être attesté.</translation>
    </message>
    <message>
        <source>&amp;Cancel update</source>
        <translation>&amp;Annuler la mise à jour</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Choisir…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exporter</translation>
    </message>
    <message>
        <source>&amp;Export data pack…</source>
        <translation>&amp;Exporter un paquet de données…</translation>
    </message>
    <message>
        <source>&amp;Import a data pack or folder…</source>
        <translation>&amp;Importer un paquet de données ou un dossier…</translation>
    </message>
    <message>
        <source>&amp;Import lists or data pack…</source>
        <translation>&amp;Importer des listes ou un paquet de données…</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>Plus &amp;tard</translation>
    </message>
    <message>
        <source>&amp;Update lists (needs internet)…</source>
        <translation>&amp;Mettre à jour les listes (Internet requis)…</translation>
    </message>
    <message>
        <source>&amp;Update now (needs internet)</source>
        <translation>&amp;Mettre à jour maintenant (Internet requis)</translation>
    </message>
    <message>
        <source>Choose a &amp;file or data pack…</source>
        <translation>Choisir un &amp;fichier ou un paquet de données…</translation>
    </message>
    <message>
        <source>I a&amp;ccept these gaps for this attestation</source>
        <translation>&amp;J’accepte ces lacunes pour cette attestation</translation>
    </message>
    <message>
        <source>Import &amp;anyway…</source>
        <translation>Importer &amp;quand même…</translation>
    </message>
    <message>
        <source>Reas&amp;on</source>
        <translation>Mo&amp;tif</translation>
    </message>
    <message>
        <source>Show the &amp;record (JSON)…</source>
        <translation>Afficher l’&amp;enregistrement (JSON)…</translation>
    </message>
    <message>
        <source>Switch &amp;person…</source>
        <translation>Changer de &amp;personne…</translation>
    </message>
    <message>
        <source>&amp;Your SoW ID</source>
        <translation>Votre identifiant So&amp;W</translation>
    </message>
    <message>
        <source>Lab-grown</source>
        <translation>Synthétique</translation>
    </message>
    <message>
        <source>in your trust list</source>
        <translation>dans votre liste de confiance</translation>
    </message>
    <message>
        <source>your own signing identity</source>
        <translation>votre propre identité de signature</translation>
    </message>
    <message>
        <source>Checking the data pack {name}…</source>
        <translation>Vérification du paquet de données {name}…</translation>
    </message>
    <message>
        <source>Choose where to write the data pack.</source>
        <translation>Choisissez où écrire le paquet de données.</translation>
    </message>
    <message>
        <source>Create a signing identity…</source>
        <translation>Créer une identité de signature…</translation>
    </message>
    <message>
        <source>Data pack file</source>
        <translation>Fichier du paquet de données</translation>
    </message>
    <message>
        <source>Data pack signed by {signer}</source>
        <translation>Paquet de données signé par {signer}</translation>
    </message>
    <message>
        <source>Data pack written to {path}</source>
        <translation>Paquet de données écrit dans {path}</translation>
    </message>
    <message>
        <source>Data pack {name}, signed by {signer}</source>
        <translation>Paquet de données {name}, signé par {signer}</translation>
    </message>
    <message>
        <source>Data packs (*.cspack);;All files (*)</source>
        <translation>Paquets de données (*.cspack);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Progression du téléchargement</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>Téléchargement…</translation>
    </message>
    <message>
        <source>Downloads the official lists from their publishers over the internet. This is the only time Clearstone goes online, and only when you ask; nothing about your checks is sent. The lists are installed together, or none if one fails.</source>
        <translation>Télécharge les listes officielles auprès de leurs éditeurs, par Internet. C’est le seul moment où Clearstone se connecte, et seulement à votre demande ; rien de vos vérifications n’est envoyé. Les listes sont installées ensemble, ou aucune si l’une échoue.</translation>
    </message>
    <message>
        <source>Every list was already current; nothing changed.</source>
        <translation>Toutes les listes étaient déjà à jour ; rien n’a changé.</translation>
    </message>
    <message>
        <source>Export a data pack</source>
        <translation>Exporter un paquet de données</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Progression de l’export</translation>
    </message>
    <message>
        <source>Export status</source>
        <translation>État de l’export</translation>
    </message>
    <message>
        <source>Gaps in sanctions-list coverage</source>
        <translation>Lacunes de couverture des listes de sanctions</translation>
    </message>
    <message>
        <source>Give a reason of at least a short sentence: what you checked instead, and when.</source>
        <translation>Donnez un motif d’au moins une courte phrase : ce que vous avez vérifié à la place, et quand.</translation>
    </message>
    <message>
        <source>I accept these gaps for this attestation</source>
        <translation>J’accepte ces lacunes pour cette attestation</translation>
    </message>
    <message>
        <source>If you know why (for example the publisher shortened the list), you may import it anyway.</source>
        <translation>Si vous savez pourquoi (par exemple l’éditeur a raccourci la liste), vous pouvez l’importer quand même.</translation>
    </message>
    <message>
        <source>Import anyway</source>
        <translation>Importer quand même</translation>
    </message>
    <message>
        <source>Import anyway, over the refusal</source>
        <translation>Importer quand même, malgré le refus</translation>
    </message>
    <message>
        <source>Import it anyway? The refusal and your confirmation are recorded with the list, and shown wherever the list is.</source>
        <translation>L’importer quand même ? Le refus et votre confirmation sont enregistrés avec la liste et affichés partout où elle apparaît.</translation>
    </message>
    <message>
        <source>Import lists or data pack…</source>
        <translation>Importer des listes ou un paquet…</translation>
    </message>
    <message>
        <source>Import lists…</source>
        <translation>Importer des listes…</translation>
    </message>
    <message>
        <source>Import the lists from this data pack anyway?</source>
        <translation>Importer quand même les listes de ce paquet de données ?</translation>
    </message>
    <message>
        <source>Lists updated; past checks screened again.</source>
        <translation>Listes mises à jour ; les vérifications passées ont été recontrôlées.</translation>
    </message>
    <message>
        <source>New hits in past checks</source>
        <translation>Nouvelles correspondances dans les vérifications passées</translation>
    </message>
    <message>
        <source>New possible hit: lot {lot}, «{party}» resembles {name} ({list} {entry})</source>
        <translation>Nouvelle correspondance possible : lot {lot}, « {party} » ressemble à {name} ({list} {entry})</translation>
    </message>
    <message>
        <source>No official sanctions list is loaded yet: checks screen against the bundled diamond-sector list only, and attestations would have to accept that gap. Get the official lists:</source>
        <translation>Aucune liste officielle de sanctions n’est encore chargée : les vérifications ne contrôlent que la liste du secteur diamantaire fournie, et les attestations devraient accepter cette lacune. Obtenez les listes officielles :</translation>
    </message>
    <message>
        <source>No official sanctions list loaded for {codes}: update the lists or import a data pack (Data menu).</source>
        <translation>Aucune liste officielle de sanctions chargée pour {codes} : mettez à jour les listes ou importez un paquet de données (menu Données).</translation>
    </message>
    <message>
        <source>Not imported; nothing was changed</source>
        <translation>Non importé ; rien n’a été modifié</translation>
    </message>
    <message>
        <source>Not updated; the loaded lists are unchanged</source>
        <translation>Non mis à jour ; les listes chargées sont inchangées</translation>
    </message>
    <message>
        <source>Or attest with the gaps: your reason is recorded in the register and printed in the verdict box of the attestation, where the buyer reads it.</source>
        <translation>Ou attestez avec les lacunes : votre motif est enregistré au registre et imprimé dans l’encadré du verdict de l’attestation, où l’acheteur le lit.</translation>
    </message>
    <message>
        <source>Passphrase of your signing identity</source>
        <translation>Phrase secrète de votre identité de signature</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Sanctions lists: gaps in coverage</source>
        <translation>Listes de sanctions : lacunes de couverture</translation>
    </message>
    <message>
        <source>Seller → buyer</source>
        <translation>Vendeur → acheteur</translation>
    </message>
    <message>
        <source>Signed.</source>
        <translation>Signée.</translation>
    </message>
    <message>
        <source>Signer not trusted</source>
        <translation>Signataire non reconnu</translation>
    </message>
    <message>
        <source>Some sanctions lists are missing or old: update or import them, or accept the gaps with a reason.</source>
        <translation>Des listes de sanctions manquent ou sont anciennes : mettez-les à jour ou importez-les, ou acceptez les lacunes avec un motif.</translation>
    </message>
    <message>
        <source>The import was refused</source>
        <translation>L’import a été refusé</translation>
    </message>
    <message>
        <source>The lists are installed, but past checks could not be screened again</source>
        <translation>Les listes sont installées, mais les vérifications passées n’ont pas pu être recontrôlées</translation>
    </message>
    <message>
        <source>The lot cannot be attested yet.</source>
        <translation>Le lot ne peut pas encore être attesté.</translation>
    </message>
    <message>
        <source>The lot cannot be attested yet: go back to Review and resolve what it shows.</source>
        <translation>Le lot ne peut pas encore être attesté : revenez à l’Examen et réglez ce qu’il indique.</translation>
    </message>
    <message>
        <source>The lot is blocked: it cannot be attested (Review shows the rule that blocks it).</source>
        <translation>Le lot est bloqué : il ne peut pas être attesté (l’Examen indique la règle qui le bloque).</translation>
    </message>
    <message>
        <source>Update cancelled; the loaded lists are unchanged.</source>
        <translation>Mise à jour annulée ; les listes chargées sont inchangées.</translation>
    </message>
    <message>
        <source>Update lists…</source>
        <translation>Mettre à jour les listes…</translation>
    </message>
    <message>
        <source>Update sanctions lists</source>
        <translation>Mettre à jour les listes de sanctions</translation>
    </message>
    <message>
        <source>Update status</source>
        <translation>État de la mise à jour</translation>
    </message>
    <message>
        <source>Why signing is not possible yet</source>
        <translation>Pourquoi la signature n’est pas encore possible</translation>
    </message>
    <message>
        <source>Writes the official lists loaded here into one file, signed with your signing identity. On a computer that stays offline, import it with Data → Import lists or data pack.</source>
        <translation>Écrit les listes officielles chargées ici dans un seul fichier, signé avec votre identité de signature. Sur un ordinateur qui reste hors ligne, importez-le avec Données → Importer des listes ou un paquet de données.</translation>
    </message>
    <message>
        <source>Writing and signing the data pack…</source>
        <translation>Écriture et signature du paquet de données…</translation>
    </message>
    <message>
        <source>You need a signing identity before you can sign: it names you on the attestation and holds the key that signs it. Create it once, above.</source>
        <translation>Il vous faut une identité de signature avant de signer : elle vous nomme sur l’attestation et détient la clé qui la signe. Créez-la une fois, ci-dessus.</translation>
    </message>
    <message>
        <source>a lot without an ID yet</source>
        <translation>un lot encore sans identifiant</translation>
    </message>
    <message>
        <source>attestation</source>
        <translation>attestation</translation>
    </message>
    <message>
        <source>lot {lot}</source>
        <translation>lot {lot}</translation>
    </message>
    <message>
        <source>no publication date</source>
        <translation>pas de date de publication</translation>
    </message>
    <message>
        <source>none loaded: update or import the official lists first</source>
        <translation>aucune chargée : mettez d’abord à jour ou importez les listes officielles</translation>
    </message>
    <message>
        <source>not imported: the signer is not trusted.</source>
        <translation>non importé : le signataire n’est pas reconnu.</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>pas commencé</translation>
    </message>
    <message>
        <source>not trusted</source>
        <translation>non reconnu</translation>
    </message>
    <message>
        <source>published</source>
        <translation>publiée</translation>
    </message>
    <message>
        <source>trusted</source>
        <translation>reconnu</translation>
    </message>
    <message>
        <source>unchanged: published {date}, {entries} entries</source>
        <translation>inchangée : publiée le {date}, {entries} entrées</translation>
    </message>
    <message>
        <source>updated: published {date}, {entries} entries</source>
        <translation>mise à jour : publiée le {date}, {entries} entrées</translation>
    </message>
    <message>
        <source>waiting…</source>
        <translation>en attente…</translation>
    </message>
    <message>
        <source>where to write the data pack</source>
        <translation>où écrire le paquet de données</translation>
    </message>
    <message>
        <source>your WDC System of Warranties ID, printed on the attestation</source>
        <translation>votre identifiant du Système de garanties WDC, imprimé sur l’attestation</translation>
    </message>
    <message>
        <source>{kb} kB received</source>
        <translation>{kb} ko reçus</translation>
    </message>
    <message>
        <source>{regime}: no official sanctions list of this regime is loaded</source>
        <translation>{regime} : aucune liste officielle de sanctions de ce régime n’est chargée</translation>
    </message>
    <message>
        <source>{regime}: {list} gives no publication date, so it cannot count as current</source>
        <translation>{regime} : {list} n’indique pas de date de publication ; elle ne peut donc pas compter comme à jour</translation>
    </message>
    <message>
        <source>{regime}: {list} is {days} days old (published {date}; the limit is {limit} days)</source>
        <translation>{regime} : {list} date de {days} jours (publiée le {date} ; la limite est de {limit} jours)</translation>
    </message>
    <message>
        <source>{signer} is not in your trust list. Compare this certificate fingerprint with the sender, by phone, before you import:</source>
        <translation>{signer} n’est pas dans votre liste de confiance. Comparez cette empreinte de certificat avec l’expéditeur, par téléphone, avant d’importer :</translation>
    </message>
    <message>
        <source>Check &amp;attestations against the register…</source>
        <translation>Confronter des &amp;attestations au registre…</translation>
    </message>
    <message>
        <source>Checking {n} attestation(s) against the register…</source>
        <translation>Confrontation de {n} attestation(s) au registre…</translation>
    </message>
    <message>
        <source>Choose signed attestations</source>
        <translation>Choisir des attestations signées</translation>
    </message>
    <message>
        <source>Date (UTC)</source>
        <translation>Date (UTC)</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>Décidé par</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>Non vérifié</translation>
    </message>
    <message>
        <source>Record (JSON)</source>
        <translation>Enregistrement (JSON)</translation>
    </message>
    <message>
        <source>Record summary</source>
        <translation>Résumé de l’enregistrement</translation>
    </message>
    <message>
        <source>The register agrees with every attestation checked.</source>
        <translation>Le registre concorde avec chaque attestation vérifiée.</translation>
    </message>
    <message>
        <source>The register does not agree with {n} attestation(s): it was changed after they were signed.</source>
        <translation>Le registre ne concorde pas avec {n} attestation(s) : il a été modifié après leur signature.</translation>
    </message>
    <message>
        <source>agrees with the register</source>
        <translation>concorde avec le registre</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>Re-screening</source>
        <translation>Recontrôle</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Scan</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restauration</translation>
    </message>
    <message>
        <source>Add a consignee, b&amp;roker or carrier</source>
        <translation>Ajouter un destinataire, un courtier ou un &amp;transporteur</translation>
    </message>
    <message>
        <source>Add an owner of</source>
        <translation>Ajouter un propriétaire de</translation>
    </message>
    <message>
        <source>Clear the seller's name first: a seller is entered, so the goods are not from your stock.</source>
        <translation>Effacez d’abord le nom du vendeur : un vendeur est saisi, les marchandises ne viennent donc pas de votre stock.</translation>
    </message>
    <message>
        <source>Consignees, brokers and carriers of this deal are screened too.</source>
        <translation>Les destinataires, courtiers et transporteurs de cette opération sont aussi contrôlés.</translation>
    </message>
    <message>
        <source>Country of other party</source>
        <translation>Pays de l’autre partie</translation>
    </message>
    <message>
        <source>Name of other party</source>
        <translation>Nom de l’autre partie</translation>
    </message>
    <message>
        <source>No seller to name: you sell from your own stoc&amp;k</source>
        <translation>Pas de vendeur à nommer : vous vendez sur votre propre stoc&amp;k</translation>
    </message>
    <message>
        <source>No seller to name: you sell from your own stock</source>
        <translation>Pas de vendeur à nommer : vous vendez sur votre propre stock</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Aucun.</translation>
    </message>
    <message>
        <source>Others in the deal (optional)</source>
        <translation>Autres intervenants (facultatif)</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Propriétaire</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Role of other party</source>
        <translation>Rôle de l’autre partie</translation>
    </message>
    <message>
        <source>The buyer is the other side of this deal: the attestation names it, and its country's rules apply.</source>
        <translation>L’acheteur est l’autre partie de l’opération : l’attestation le nomme, et les règles de son pays s’appliquent.</translation>
    </message>
    <message>
        <source>Who buys from you (your customer)</source>
        <translation>Qui vous achète (votre client)</translation>
    </message>
    <message>
        <source>Who sells to you (your supplier)</source>
        <translation>Qui vous vend (votre fournisseur)</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, or the year</source>
        <translation>AAAA-MM-JJ, ou l’année</translation>
    </message>
    <message>
        <source>You, the issuer</source>
        <translation>Vous, l’émetteur</translation>
    </message>
    <message>
        <source>from Settings; your country is on step 1</source>
        <translation>d’après les Réglages ; votre pays se règle à l’étape 1</translation>
    </message>
    <message>
        <source>your firm (set its name in Settings)</source>
        <translation>votre société (indiquez son nom dans les Réglages)</translation>
    </message>
    <message>
        <source>Seller's na&amp;me</source>
        <translation>No&amp;m du vendeur</translation>
    </message>
    <message>
        <source>B&amp;uyer's name</source>
        <translation>Nom de l’ach&amp;eteur</translation>
    </message>
    <message>
        <source>Coun&amp;try</source>
        <translation>Pays de l’a&amp;cheteur</translation>
    </message>
    <message>
        <source>Add an owner</source>
        <translation>Ajouter un propriétaire</translation>
    </message>
    <message>
        <source>Seller and buyer</source>
        <translation>Vendeur et acheteur</translation>
    </message>
    <message>
        <source>Plausibility of the certificate</source>
        <translation>Plausibilité du certificat</translation>
    </message>
    <message>
        <source>Plausible: issued by a participant, valid on the day, dates, number and countries agree.</source>
        <translation>Plausible : émis par un participant, valide à la date, dates, numéro et pays concordants.</translation>
    </message>
    <message>
        <source>Show the record (&amp;JSON)…</source>
        <translation>Afficher l’enregistrement (&amp;JSON)…</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>Who sells to you and who buys from you, and who owns them. Every name is screened against the sanctions lists as you type.</source>
        <translation>Qui vous vend et qui vous achète, et à qui ils appartiennent. Chaque nom est contrôlé au fil de la saisie sur les listes de sanctions.</translation>
    </message>
    <!-- end of GUI (H4) -->
    <message>
        <source>&amp;Trust this issuer…</source>
        <translation>&amp;Faire confiance à cet émetteur…</translation>
    </message>
    <message>
        <source>Not trusted</source>
        <translation>Pas de confiance accordée</translation>
    </message>
    <message>
        <source>Only after comparing the fingerprint with the issuer by phone</source>
        <translation>Seulement après avoir comparé l’empreinte avec l’émetteur par téléphone</translation>
    </message>
    <message>
        <source>Open the signed PDF. For a printed copy, scan its QR code with any QR scanner (a phone camera app does) and paste the text here: it starts with CS1: and is checked offline.</source>
        <translation>Ouvrez le PDF signé. Pour une copie imprimée, lisez son code QR avec un lecteur de codes QR (l’appareil photo d’un téléphone suffit) et collez le texte ici : il commence par CS1: et il est vérifié hors ligne.</translation>
    </message>
    <message>
        <source>Trust only a certificate whose fingerprint the issuer read out to you on a number you already know:

{fingerprint}

Did you compare it?</source>
        <translation>Ne faites confiance qu’à un certificat dont l’émetteur vous a lu l’empreinte à un numéro que vous connaissez déjà :

{fingerprint}

L’avez-vous comparée ?</translation>
    </message>
    <message>
        <source>Trust this issuer?</source>
        <translation>Faire confiance à cet émetteur ?</translation>
    </message>
    <message>
        <source>a scanned code does not carry the issuer's certificate: open the signed PDF, or ask {who} for it, and compare its fingerprint by phone before trusting it.</source>
        <translation>un code lu ne contient pas le certificat de l’émetteur : ouvrez le PDF signé, ou demandez-le à {who}, et comparez son empreinte par téléphone avant de lui faire confiance.</translation>
    </message>
    <message>
        <source>call {who} on a number you already know (not one from the same e-mail) and compare the certificate's SHA-256 fingerprint above; if it matches, choose Trust this issuer.</source>
        <translation>appelez {who} à un numéro que vous connaissez déjà (pas celui du même courriel) et comparez l’empreinte SHA-256 du certificat ci-dessus ; si elle correspond, choisissez Faire confiance à cet émetteur.</translation>
    </message>
    <message>
        <source>do not rely on this document. Ask the issuer for the signed PDF as they sent it, or for a new attestation; for a printed copy, scan its QR code and check the text here.</source>
        <translation>ne vous fiez pas à ce document. Demandez à l’émetteur le PDF signé tel qu’il l’a envoyé, ou une nouvelle attestation ; pour une copie imprimée, lisez son code QR et vérifiez le texte ici.</translation>
    </message>
    <message>
        <source>the issuer</source>
        <translation>l’émetteur</translation>
    </message>
    <message>
        <source>Attest is unavailable until the documents named above are held.</source>
        <translation>Attestation indisponible tant que les documents indiqués ci-dessus ne sont pas obtenus.</translation>
    </message>
    <message>
        <source>Attest is unavailable until a person decides each item marked Needs review above.</source>
        <translation>Attestation indisponible tant qu'une personne n'a pas tranché chaque point marqué « À examiner » ci-dessus.</translation>
    </message>
    <message>
        <source>Attest is unavailable: the transaction is blocked by the rules shown above.</source>
        <translation>Attestation indisponible : la transaction est bloquée par les règles ci-dessus.</translation>
    </message>
</context>
</TS>
