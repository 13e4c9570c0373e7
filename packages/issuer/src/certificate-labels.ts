/**
 * The certificate's words in each language it prints beside English. A language without labels
 * here is not printed (English alone), never half-translated.
 */
export type Labels = Record<'title' | 'certifies' | 'born' | 'qualification' | 'level' | 'occupation' | 'units' | 'route' | 'assessed' | 'issued' | 'validUntil' | 'issuer' | 'scan' | 'training' | 'rpl' | 'wallet' | 'offer' | 'accreditedBy' | 'credentialNumber', string>;

export const LABELS: Record<string, Labels> = {
  en: {
    title: 'Certificate of Competency', certifies: 'This certifies that', born: 'born', qualification: 'has been assessed competent in',
    level: 'Level', occupation: 'Occupation', units: 'Units of competency', route: 'Assessment route', assessed: 'Assessed on', issued: 'Issued on',
    credentialNumber: 'Credential number', validUntil: 'Valid until', issuer: 'Issued by', accreditedBy: 'Accredited by', scan: 'Scan to verify: the code carries the signed credential and checks offline.',
    training: 'Formal training', rpl: 'Recognition of prior learning', wallet: 'Into your wallet: one download, until',
    offer: 'Your wallet app: scan this code, type the PIN the centre gave you. Once, until',
  },
  fil: {
    title: 'Katibayan ng Kakayahan', certifies: 'Pinatutunayan nito na si', born: 'ipinanganak noong', qualification: 'ay napatunayang may kakayahan sa',
    level: 'Antas', occupation: 'Hanapbuhay', units: 'Mga yunit ng kakayahan', route: 'Paraan ng pagtatasa', assessed: 'Tinasa noong', issued: 'Inilabas noong',
    credentialNumber: 'Numero ng kredensyal', validUntil: 'May bisa hanggang', issuer: 'Inilabas ng', accreditedBy: 'Akreditado ng', scan: 'I-scan upang mapatunayan: dala ng code ang nilagdaang kredensyal.',
    training: 'Pormal na pagsasanay', rpl: 'Pagkilala sa dating natutunan', wallet: 'Sa iyong wallet: isang pag-download, hanggang',
    offer: 'Sa iyong wallet app: i-scan ang code na ito, i-type ang PIN mula sa sentro. Isang beses, hanggang',
  },
  ja: {
    title: '技能証明書', certifies: '次の者は', born: '生年月日', qualification: 'について技能を有すると認定された',
    level: 'レベル', occupation: '職業', units: '能力単位', route: '評価方法', assessed: '評価日', issued: '発行日',
    credentialNumber: '証明書番号', validUntil: '有効期限', issuer: '発行者', accreditedBy: '認定機関', scan: 'スキャンして確認：コードには署名済みの証明書が含まれ、オフラインで検証できます。',
    training: '正規の訓練', rpl: '過去の学習の認定', wallet: 'ウォレットへ（ダウンロード1回限り）期限',
    offer: 'ウォレットアプリでこのコードを読み取り、センターから受け取ったPINを入力（1回限り）期限',
  },
  de: {
    title: 'Kompetenzzertifikat', certifies: 'Hiermit wird bescheinigt, dass', born: 'geboren am', qualification: 'als kompetent beurteilt wurde in',
    level: 'Niveau', occupation: 'Beruf', units: 'Kompetenzeinheiten', route: 'Art der Beurteilung', assessed: 'Beurteilt am', issued: 'Ausgestellt am',
    credentialNumber: 'Nachweisnummer', validUntil: 'Gültig bis', issuer: 'Ausgestellt von', accreditedBy: 'Akkreditiert von', scan: 'Zum Prüfen scannen: Der Code enthält den signierten Nachweis und wird offline geprüft.',
    training: 'Formale Ausbildung', rpl: 'Anerkennung früher erworbener Kompetenzen', wallet: 'In Ihre Wallet: ein Download, bis',
    offer: 'In Ihrer Wallet-App: diesen Code scannen, die PIN des Zentrums eingeben. Einmal, bis',
  },
  id: {
    title: 'Sertifikat Kompetensi', certifies: 'Dengan ini menyatakan bahwa', born: 'lahir', qualification: 'telah dinilai kompeten dalam',
    level: 'Jenjang', occupation: 'Pekerjaan', units: 'Unit kompetensi', route: 'Jalur penilaian', assessed: 'Dinilai pada', issued: 'Diterbitkan pada',
    credentialNumber: 'Nomor kredensial', validUntil: 'Berlaku sampai', issuer: 'Diterbitkan oleh', accreditedBy: 'Diakreditasi oleh', scan: 'Pindai untuk memverifikasi: kode memuat kredensial bertanda tangan dan diperiksa secara luring.',
    training: 'Pelatihan formal', rpl: 'Rekognisi pembelajaran lampau', wallet: 'Ke dompet Anda: satu kali unduh, sampai',
    offer: 'Di aplikasi dompet Anda: pindai kode ini, ketik PIN dari lembaga. Satu kali, sampai',
  },
};
