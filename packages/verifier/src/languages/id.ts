import type { CliWords, LanguagePack } from './types.js';

export default {
  code: 'id', name: 'Bahasa Indonesia',
  verdicts: { valid: 'SAH', invalid: 'TIDAK SAH — jangan diterima', indeterminate: 'TIDAK DAPAT DIPASTIKAN — periksa lebih lanjut' },
  outcomes: { full: 'Diakui sepenuhnya', partial: 'Diakui dengan syarat', none: 'Tidak diakui' },
  messages: {
    ERR_INPUT_INVALID: 'Ini bukan kredensial yang dapat dibaca aplikasi ini. Mintalah sertifikat atau berkas kredensialnya lagi.',
    ERR_PAYLOAD_TOO_LARGE: 'Berkas terlalu besar untuk sebuah kredensial. Mintalah sertifikatnya sendiri.',
    ERR_CREDENTIAL_MALFORMED: 'Kredensial tidak dalam bentuk yang diharapkan. Jangan diterima.',
    ERR_PROOF_MISSING: 'Kredensial tidak bertanda tangan. Jangan diterima.',
    ERR_SIGNATURE_INVALID: 'Tanda tangan tidak cocok: kredensial diubah setelah diterbitkan, atau dipalsukan. Jangan diterima.',
    ERR_CONTEXT_UNKNOWN: 'Kredensial memakai istilah yang tidak dikenal aplikasi ini. Jangan diterima.',
    ERR_DID_UNRESOLVABLE: 'Identitas penerbit tidak dapat dipastikan secara luring. Jangan diterima.',
    ERR_KEY_INVALID: 'Kunci penerbit tidak sah. Jangan diterima.',
    ERR_ISSUER_UNKNOWN: 'Lembaga pelatihan tidak diakreditasi oleh otoritas mana pun yang Anda percayai. Jangan diterima.',
    ERR_ISSUER_NOT_ACCREDITED: 'Lembaga pelatihan terakreditasi, tetapi tidak untuk kualifikasi ini. Jangan diterima.',
    ERR_ACCREDITATION_NOT_IN_FORCE: 'Lembaga pelatihan tidak terakreditasi pada tanggal kredensial ini diterbitkan. Jangan diterima.',
    ERR_CREDENTIAL_NOT_YET_VALID: 'Kredensial bertanggal di masa depan. Periksa jam perangkat; jika jamnya benar, jangan diterima.',
    ERR_CREDENTIAL_EXPIRED: 'Kredensial sudah kedaluwarsa. Mintalah yang masih berlaku.',
    ERR_CREDENTIAL_REVOKED: 'Lembaga pelatihan telah mencabut kredensial ini. Jangan diterima.',
    ERR_CREDENTIAL_SUSPENDED: 'Lembaga pelatihan telah menangguhkan kredensial ini. Jangan diterima untuk saat ini.',
    ERR_STATUS_UNAVAILABLE: 'Tidak dapat diperiksa apakah kredensial dicabut: perangkat ini tidak memiliki data status untuk penerbit ini. Lakukan sinkronisasi bila memungkinkan.',
    ERR_STATUS_STALE: 'Data di perangkat ini terlalu lama untuk memastikan kredensial tidak dicabut. Lakukan sinkronisasi, lalu periksa lagi.',
    ERR_QUALIFICATION_UNKNOWN: 'Kualifikasi ini tidak ada di registri pada perangkat Anda. Lakukan sinkronisasi, lalu periksa lagi.',
    ERR_RECOGNITION_NONE: 'Tidak ada pengakuan yang disepakati atas kualifikasi ini di negara Anda untuk tujuan ini.',
    ERR_RECORD_INVALID: 'Sebuah catatan registri di perangkat ini rusak. Lakukan sinkronisasi lagi.',
    ERR_RECORD_SIGNATURE_INVALID: 'Sebuah catatan registri di perangkat ini memiliki tanda tangan yang salah. Lakukan sinkronisasi lagi dan laporkan.',
    ERR_SIGNER_NOT_AUTHORIZED: 'Sebuah catatan registri ditandatangani oleh pihak yang tidak berwenang. Catatan itu diabaikan.',
    ERR_TRUST_PACK_INVALID: 'Data registri di perangkat ini rusak atau tidak asli. Lakukan sinkronisasi lagi.',
    ERR_TRUST_PACK_ROLLBACK: 'Ada pihak yang menawarkan data registri yang lebih lama daripada yang ada di perangkat ini. Data itu ditolak.',
    ERR_QR_INVALID: 'Kode QR ini bukan kredensial keterampilan, atau rusak. Pindai lagi atau mintalah berkasnya.',
    ERR_QR_NOT_FOUND: 'Tidak ada kode QR pada gambar. Dekatkan kamera dan tahan agar stabil.',
    ERR_REQUEST_REPLAYED: 'Permintaan yang sama dikirim dua kali. Silakan coba lagi.',
    ERR_RATE_LIMITED: 'Terlalu banyak permintaan. Mohon tunggu sebentar, lalu coba lagi.',
    ERR_NOT_FOUND: 'Tidak ditemukan.',
    ERR_CONFLICT: 'Data ini bertentangan dengan data yang sudah tercatat.',
    ERR_QUALIFICATION_WITHDRAWN: 'Kualifikasi ditarik sebelum kredensial ini diterbitkan. Jangan diterima.',
    ERR_KEY_COMPROMISED: 'Kunci yang menandatangani kredensial ini dilaporkan dicuri atau hilang. Jangan diterima.',
    ERR_NAME_MISMATCH: 'Nama-nama pada kredensial tidak cocok dengan registri. Jangan diterima.',
    ERR_LOG_INCONSISTENT: 'Daftar kepercayaan Anda tidak sesuai dengan riwayat registri yang Anda miliki sebelumnya. Jangan mengandalkannya; hubungi administrator Anda.',
    ERR_REGISTRY_INCONSISTENT: 'Data registri tidak cocok dengan log bertanda tangannya. Hubungi operator registri.',
    ERR_TRUST_NOT_CONFIGURED: 'Aplikasi pemeriksa ini belum memiliki kunci registri atau otoritas tepercaya. Hubungi administrator Anda.',
    ERR_HOLDER_MISMATCH: 'Sebuah kredensial pendukung adalah milik orang lain. Kredensial itu tidak diperhitungkan.',
    ERR_UNAUTHENTICATED: 'Silakan masuk terlebih dahulu: permintaan tidak membawa token akses yang sah.',
    ERR_FORBIDDEN: 'Hak akses Anda tidak mengizinkan ini.',
    ERR_TIMEOUT: 'Proses ini memakan waktu terlalu lama. Silakan coba lagi.',
    ERR_INSECURE_TRANSPORT: 'Layanan ini harus memakai koneksi aman (HTTPS).',
    ERR_PROPERTY_REFUSED: 'Penerbit menolak sebagian permintaan ini: tidak ada yang diterbitkan. Perbaiki kolom yang disebutkan.',
    ERR_TRUST_PACK_OUTDATED: 'Kredensial ini lebih baru daripada daftar kepercayaan di perangkat ini. Lakukan sinkronisasi, lalu periksa lagi.',
  },
  labels: {
    languages: 'Bahasa', title: 'Pemeriksaan kredensial keterampilan', scan: 'Pindai dengan kamera', stop: 'Hentikan kamera', photo: 'Foto atau PDF sertifikat',
    pointCamera: 'Arahkan kamera ke kode QR pada sertifikat.', reading: 'Memeriksa…',
    holder: 'Pemegang', born: 'Lahir', comparePassport: 'Cocokkan nama dan tanggal lahir dengan paspor.',
    qualification: 'Kualifikasi', issuedBy: 'Diterbitkan oleh', validUntil: 'berlaku sampai',
    route: 'Jalur', routes: { training: 'Pelatihan, lalu asesmen', 'recognition-of-prior-learning': 'Rekognisi pembelajaran lampau (asesmen tanpa kursus pelatihan)' },
    inCountry: (c, _code) => `Di ${c}`, as: 'sebagai', met: 'terpenuhi', toDo: 'belum terpenuhi', checks: 'Pemeriksaan',
    cannotRead: 'Kredensial tidak dapat dibaca',
    pack: (n, date, days) => `Daftar kepercayaan #${n} tanggal ${date} (berumur ${days} hari), diperiksa di perangkat ini`,
    offlineReady: 'Siap bekerja secara luring', loadingTrust: 'Memuat daftar kepercayaan…',
    noTrust: 'Belum ada daftar kepercayaan di perangkat ini. Sambungkan perangkat sekali ke server pemeriksa.',
    cameraUnavailable: 'Kamera tidak tersedia di sini. Ambil foto, lalu pilih foto itu di bawah.',
    page: (n) => `Halaman ${n}`,
    setupTitle: 'Siapkan perangkat ini', setupIntro: 'Perangkat ini belum memercayai daftar apa pun. Cocokkan sidik jari ini dengan yang ditampilkan server pemeriksa saat dijalankan (tanyakan administrator Anda). Konfirmasi hanya jika semuanya cocok: sejak itu perangkat hanya menerima daftar dari kunci-kunci ini.',
    country: 'Negara', roots: 'Otoritas akar', operator: 'Operator registri',
    maxAge: (d) => `Daftar kepercayaan yang lebih lama dari ${d} hari tidak memberi hasil hijau`, offered: (n, date) => `Daftar kepercayaan yang ditawarkan: #${n} tanggal ${date}`,
    confirmSetup: 'Sidik jari cocok: percayai kunci-kunci ini', setupNeeded: 'Perangkat ini belum disiapkan: administrator harus mengonfirmasi kunci di bawah.',
    admin: 'Administrasi', pinnedTitle: 'Kunci yang dipercayai perangkat ini',
    resetHint: 'Hanya administrator yang boleh mengubahnya: ketik RESET dan tekan tombol. Setelah itu perangkat harus disiapkan ulang.',
    reset: 'Atur ulang kepercayaan',
    trustRefused: 'Server pemeriksa mengirim daftar kepercayaan yang tidak diterima perangkat ini. Daftar itu tidak dipakai; daftar yang diperiksa sebelumnya tetap dipakai. Beri tahu administrator Anda.',
    heldInvalid: 'Daftar kepercayaan yang tersimpan di perangkat ini tidak dapat diverifikasi.',
    linkMatch: 'Cocok dengan tautan penyiapan.', linkMismatch: 'Yang ditawarkan server pemeriksa tidak cocok dengan tautan penyiapan: jangan siapkan perangkat ini, beri tahu administrator Anda.',
    trustRefusedNone: 'Server pemeriksa mengirim daftar kepercayaan yang tidak diterima perangkat ini. Daftar itu tidak dipakai. Beri tahu administrator Anda.',
    headlines: {
      valid: 'SAH: asli, diterbitkan oleh lembaga pelatihan terakreditasi, tidak dicabut',
      invalid: 'TIDAK SAH: jangan terima kredensial ini',
      indeterminate: 'TIDAK DAPAT DIPASTIKAN: ada yang tidak dapat diperiksa (lihat di bawah)',
    },
    unregistered: 'tidak ada di registri: sebagaimana dinyatakan kredensial',
    withdrawnOn: (date) => `ditarik oleh otoritasnya pada ${date}`,
    purposes: { employment: 'pekerjaan', 'further-study': 'studi lanjut' }, forPurpose: (p) => `tujuan: ${p}`,
    checkNames: { format: 'bentuk', proof: 'tanda tangan', issuer: 'penerbit', validity: 'masa berlaku', status: 'status', recognition: 'pengakuan', holder: 'pemegang' },
    checkPassed: {
      format: 'kredensial keterampilan', proof: 'tanda tangan sah', issuer: 'lembaga pelatihan terakreditasi pada tanggal terbit',
      validity: 'dalam masa berlaku', status: 'tidak dicabut', recognition: 'pengakuan sudah diperiksa', holder: 'orang yang sama',
    },
    packOffline: (n, date, days) => `Paket kepercayaan #${n} tanggal ${date} (berumur ${days} hari), diperiksa secara luring`,
    summary: (pages) => `${pages} halaman`,
    short: { valid: 'sah', invalid: 'TIDAK SAH', indeterminate: 'tidak dapat dipastikan', unreadable: 'tidak terbaca' },
    staleList: (days) => `Daftar kepercayaan di perangkat ini berumur ${days} hari: tidak ada kredensial yang dapat dipastikan sah. Sambungkan ke server pemeriksa untuk memperbaruinya.`,
    askWallet: 'Minta dari dompet digital pekerja', scanWallet: 'Mintalah pekerja memindai kode ini dengan aplikasi dompet digitalnya.',
  },
} satisfies LanguagePack<'id'>;

/** The officer's CLI (cli-language.ts); apart, so that the page's bundle does not carry it. */
export const cli = {
  help: (sync, status, serve, verify) => `corridor-verifier: pemeriksaan kredensial keterampilan secara luring, dengan hasil untuk petugas.

  ${sync}
      mengambil paket kepercayaan (selanjutnya hanya perubahannya); tetap memakai paket baik terakhir jika registri
      tidak dapat dihubungi atau mengirim data yang salah. Sinkronisasi pertama menetapkan kunci operator registri
      (gunakan --registry-key untuk memilihnya); paket berikutnya harus ditandatangani dengan kunci itu dan lognya
      harus melanjutkan log yang tersimpan. Disimpan beserta tanda tangannya, diperiksa setiap kali dimuat
  ${status}
      paket yang tersimpan: negara, nomor urut, umur
  ${serve}
      (HTTP tanpa enkripsi di luar loopback hanya dengan --insecure-http)
      POST /credentials/verify dan /presentations/verify (VC-API), dijawab secara luring dari paket;
      halaman petugas di /officer/: kamera atau foto, diperiksa di perangkat, tetap berfungsi secara luring
      (mencetak sidik jari dan tautan penyiapan yang dipakai administrator untuk memasangnya di perangkat);
      paket yang lebih baru dari \`sync\` dipakai dalam 30 detik tanpa memulai ulang; OpenID4VP: tombol "Minta dari
      dompet digital pekerja" menampilkan QR permintaan, dompet menjawab ke <--public-url (https://…), atau alamat ini>/oid4vp/response
  ${verify}
      memakai paket hasil sinkronisasi, kecuali --trust-pack menyebut berkas paket; paket hanya dipakai jika
      ditandatangani operator registri yang dikonfigurasi: --registry-key (atau $CORRIDOR_REGISTRY_KEY), atau yang
      ditetapkan oleh sync

<file> adalah foto atau pindaian kode QR (PNG, JPEG), PDF sertifikat (setiap halaman diperiksa), SVG buatan kami,
JSON kredensial, atau - untuk membaca JSON atau teks QR dari masukan standar (stdin). PDF berisi banyak sertifikat
diawali ringkasan (jumlah setiap hasil, halaman yang tidak sah), lalu setiap halaman.
--root adalah kunci otoritas negara Anda sendiri (dapat diulang; atau $CORRIDOR_VERIFIER_ROOTS, dipisahkan koma).
--language: jika tidak diberikan, bahasa dari $LC_ALL, $LC_MESSAGES, atau $LANG (id_ID.UTF-8 berarti bahasa Indonesia); jika tidak ada, bahasa Inggris.
Opsi: --data <dir> (bawaan: $CORRIDOR_VERIFIER_DATA atau ./.corridor/verifier). verify tidak pernah memakai jaringan.
Kode keluar: 0 sah, 1 tidak sah, 2 tidak dapat dipastikan, 3 kesalahan penggunaan atau masukan.`,
  usage: 'Kesalahan penggunaan',
  unknownOption: (option) => `opsi tidak dikenal ${option} (lihat --help)`,
  missingValue: (option) => `${option} memerlukan nilai (lihat --help)`,
  noValue: (option) => `${option} tidak menerima nilai (lihat --help)`,
  unknownCommand: (command) => `perintah tidak dikenal ${command} (lihat --help)`,
  needsFile: 'verify memerlukan berkas (foto PNG atau JPEG, PDF, JSON) atau - untuk masukan standar',
  required: (option) => `${option} wajib diberikan (lihat --help)`,
  languageOneOf: (languages) => `--language harus salah satu dari ${languages}`,
  purposeOneOf: '--purpose harus employment atau further-study',
  countryCode: '--country harus berupa kode negara ISO 3166-1 alpha-2, misalnya JP',
  rootRequired: '--root (did:key otoritas Anda) wajib diberikan: kepercayaan berawal darinya',
  registryKey: '--registry-key harus berupa did:key operator registri',
  maxAgeDays: '--max-age-days harus berupa bilangan positif',
  publicUrl: '--public-url harus berupa URL https:// (alamat tempat dompet digital menghubungi layanan ini)',
  wrongCountry: (pack, country) => `paket kepercayaan ini milik ${pack}, bukan ${country}: sinkronkan paket ${country}, atau berikan --country ${pack}`,
  credentialFile: 'berkas kredensial', trustPackFile: 'berkas paket kepercayaan',
  reasons: { missing: 'berkas tidak ada', directory: 'ini adalah direktori', denied: 'izin ditolak', unreadable: 'berkas tidak dapat dibaca' },
  cannotRead: (file, path, reason) => `tidak dapat membaca ${file} ${path}: ${reason}`,
  packNotJson: (path) => `berkas paket kepercayaan ${path} bukan JSON`,
  notCredential: {
    empty: (path) => `berkas kredensial ${path} kosong`,
    notJson: (path) => `berkas kredensial ${path} tampak seperti JSON tetapi bukan JSON yang sah`,
    unknownKind: (path) => `berkas kredensial ${path} bukan foto PNG atau JPEG, PDF, SVG kami, JSON kredensial, maupun teks QR`,
    damaged: (path, kind) => `berkas kredensial ${path} adalah berkas ${kind} yang tidak dapat dibaca (rusak atau terpotong)`,
  },
  heldDamaged: 'berkas paket kepercayaan yang tersimpan rusak; jalankan sync --full',
  noPackHeld: 'belum ada paket kepercayaan yang tersimpan; jalankan sync terlebih dahulu',
  notConfigured: 'belum ada kunci operator registri yang dikonfigurasi untuk aplikasi pemeriksa ini: jalankan ' +
    '`corridor-verifier sync --registry <url> --country <CC> [--registry-key <did:key>]` (perintah itu menetapkan kuncinya), ' +
    'atau berikan --registry-key <did:key> (atau $CORRIDOR_REGISTRY_KEY) bersama --trust-pack <file>',
  nothingHeld: 'belum ada paket kepercayaan yang tersimpan dan belum ada kunci operator registri yang dikonfigurasi untuk aplikasi pemeriksa ini: jalankan ' +
    '`corridor-verifier sync --registry <url> --country <CC> [--registry-key <did:key>]` (perintah itu menetapkan kuncinya), ' +
    'atau berikan --registry-key <did:key> (atau $CORRIDOR_REGISTRY_KEY) bersama --trust-pack <file>',
  registryUnavailable: (kept) => `registri tidak dapat dihubungi: ${kept}`,
  refusedAnswer: (kept) => `jawaban registri ditolak; ${kept}`,
  keptPack: (n, date) => `paket #${n} tanggal ${date} tetap dipakai`,
  noPackYet: 'belum ada paket yang tersimpan',
  synced: (code, name, n, records, lists) => `paket kepercayaan ${code} #${n} telah disinkronkan (${name}: ${records} catatan, ${lists} daftar status)`,
  status: (code, name, n, date, days, records, lists, operator) =>
    `paket kepercayaan ${code} #${n} (${name}), diterbitkan ${date} (berumur ${days} hari), ${records} catatan, ${lists} daftar status, operator ${operator}`,
  internal: 'kesalahan internal (lihat --debug)',
} satisfies CliWords;
