"""Labelled texts for ``benchmarks/stories.py`` that must NOT be merged into one story.

Written for this benchmark (not copied from any page): pairs of reports of one event by two newsrooms in
their own words, and daily columns built on one template, whose days differ only in names and figures.
"""

from __future__ import annotations

SAME_EVENT_PAIRS: list[tuple[str, str]] = [
    (
        "Banjir merendam ratusan rumah di Kecamatan Cileungsi, Kabupaten Bogor, sejak Minggu dini hari "
        "setelah hujan deras mengguyur kawasan itu lebih dari enam jam. Ketinggian air di permukiman warga "
        "mencapai satu meter.\n\nKepala Pelaksana BPBD Kabupaten Bogor mengatakan petugas sudah "
        "mengevakuasi 214 warga ke masjid dan balai desa terdekat. Sebagian besar pengungsi adalah lansia, "
        "perempuan dan anak-anak.\n\nMenurut dia, air mulai surut pada Minggu sore, tetapi warga diminta "
        "tetap waspada karena curah hujan diperkirakan masih tinggi sampai akhir pekan. Dapur umum didirikan "
        "di halaman kantor kecamatan.",
        "Sedikitnya 214 orang terpaksa mengungsi akibat luapan Sungai Cileungsi yang menggenangi "
        "perumahan di Bogor pada Minggu (9/3). Warga mengaku air masuk ke rumah mereka dengan cepat saat "
        'mereka masih tidur.\n\n"Jam tiga pagi air sudah selutut, jam lima sudah sepinggang," kata '
        "Suryani, seorang warga, saat ditemui di lokasi pengungsian. Ia hanya sempat menyelamatkan "
        "dokumen penting.\n\nBadan Penanggulangan Bencana Daerah setempat menyebut genangan berangsur turun "
        "menjelang petang. Petugas gabungan membagikan makanan siap saji dan selimut, sementara tim "
        "kesehatan memeriksa warga yang mulai mengeluh gatal dan demam.",
    ),
    (
        "Bank Indonesia mempertahankan suku bunga acuan BI-Rate di level 5,75 persen dalam Rapat Dewan "
        "Gubernur yang berakhir Rabu. Keputusan itu sejalan dengan upaya menjaga stabilitas nilai tukar "
        "rupiah di tengah ketidakpastian global.\n\nGubernur BI menjelaskan inflasi diperkirakan tetap "
        "terkendali dalam kisaran sasaran 2,5 plus minus satu persen. Bank sentral juga mempertahankan suku "
        "bunga deposit facility dan lending facility.\n\nEkonom menilai ruang penurunan suku bunga masih "
        "terbuka pada semester kedua apabila tekanan terhadap rupiah mereda.",
        "Rapat bulanan otoritas moneter pada pekan ini memutuskan tidak mengubah BI-Rate, yang tetap 5,75 "
        "persen. Para analis yang disurvei sebelumnya memang memperkirakan tidak ada perubahan.\n\n"
        "Pelaku pasar menyambut keputusan tersebut dengan tenang; rupiah di pasar spot bergerak tipis "
        "menguat ke kisaran Rp16.250 per dolar AS pada sore hari, sedangkan indeks saham ditutup naik 0,4 "
        "persen.\n\nSejumlah kepala ekonom bank swasta memproyeksikan pelonggaran baru akan dimulai "
        "setelah inflasi inti menunjukkan tren turun dan arus modal asing kembali masuk.",
    ),
    (
        "Tim nasional Indonesia menang 2-0 atas Bahrain dalam laga kualifikasi Piala Dunia di Stadion "
        "Utama Gelora Bung Karno, Selasa malam. Dua gol dicetak pada babak kedua.\n\nPelatih timnas memuji "
        "disiplin para pemain bertahan yang membuat lawan hampir tidak punya peluang bersih. Ia menyebut "
        "kemenangan ini hasil kerja keras selama pemusatan latihan.\n\nDengan tambahan tiga poin, Indonesia "
        "naik ke peringkat ketiga klasemen grup dan menjaga peluang lolos ke putaran berikutnya.",
        "Puluhan ribu suporter yang memadati GBK pulang dengan senyum setelah Garuda menundukkan Bahrain "
        "dua gol tanpa balas. Sepanjang babak pertama kedua tim masih saling menjajaki.\n\nKebuntuan pecah "
        "pada menit ke-57 lewat sundulan dari situasi sepak pojok, lalu gol kedua lahir dari serangan balik "
        "cepat sepuluh menit sebelum bubar.\n\nHasil tersebut membuat skuad Merah Putih mengoleksi sepuluh "
        "poin. Laga berikutnya akan dijalani di kandang lawan bulan depan.",
    ),
    (
        "Pemerintah Provinsi DKI Jakarta mulai memberlakukan uji coba sistem ganjil genap di 26 ruas jalan "
        "tambahan mulai Senin. Kebijakan berlaku pada pukul 06.00 hingga 10.00 dan 16.00 hingga 21.00 "
        "WIB.\n\nKepala Dinas Perhubungan mengatakan selama sepekan pertama petugas hanya memberikan "
        "teguran kepada "
        "pengendara yang melanggar. Penindakan dengan tilang elektronik dimulai pekan berikutnya.\n\n"
        "Kebijakan ini diharapkan menekan kemacetan dan mendorong warga beralih ke transportasi umum.",
        "Pengendara mobil di Ibu Kota perlu memperhatikan pelat nomor kendaraannya mulai awal pekan ini. "
        "Aturan pembatasan berdasarkan nomor polisi diperluas ke lebih dari dua puluh jalan baru.\n\nDi "
        "sejumlah titik, antrean kendaraan terlihat mengular pada pagi hari karena banyak pengemudi belum "
        "mengetahui perluasan itu. Polisi lalu lintas mengarahkan mereka ke jalur alternatif.\n\nPengamat "
        "transportasi menilai perluasan ganjil genap harus dibarengi penambahan armada bus dan kereta agar "
        "tidak sekadar memindahkan kemacetan ke jalan lain.",
    ),
]

GOLD_PRICES = [(1_915_000, 1_912_000, 5_000, "naik"), (1_903_000, 1_918_000, 12_000, "turun")]
GOLD_DAYS = [("Senin", "3/3/2025"), ("Selasa", "4/3/2025"), ("Rabu", "5/3/2025"), ("Kamis", "6/3/2025")]


def gold_column(day: str, date: str, price: int, buyback: int, change: int, direction: str) -> str:
    """A daily gold-price column: the same template every day, other figures."""
    grams = [0.5, 1, 2, 3, 5, 10, 25, 50, 100, 250, 500, 1000]
    lines = "\n\n".join(
        f"Harga emas {g:g} gram: Rp{int(price * g * (1.02 if g < 1 else 1.0)):,}".replace(",", ".")
        for g in grams
    )
    return (
        f"Harga emas batangan Antam hari ini, {day} ({date}), {direction} Rp{change:,} menjadi "
        f"Rp{price:,} per gram. Harga pembelian kembali (buyback) berada di level Rp{buyback:,} per "
        f"gram.\n\nBerikut daftar lengkap harga emas Antam yang dikutip dari laman Logam Mulia pada "
        f"{day} pagi:\n\n{lines}\n\nHarga tersebut belum termasuk pajak penghasilan (PPh) 22 sebesar 0,25 "
        f"persen bagi pembeli yang menyertakan NPWP."
    ).replace(",", ".")


SIM_CITIES = [
    ("Jakarta Timur", "Mall Cipinang Indah", "Jakarta Barat", "Lindeteves Trade Center"),
    ("Jakarta Selatan", "Pos Polisi Taman Margasatwa Ragunan", "Jakarta Utara", "Mall Artha Gading"),
    ("Jakarta Pusat", "Kantor Pos Lapangan Banteng", "Jakarta Timur", "Pusat Grosir Cililitan"),
    ("Jakarta Barat", "Mall Taman Palem", "Jakarta Selatan", "Kantor Pos Fatmawati"),
]


def sim_column(day: str, date: str, city1: str, place1: str, city2: str, place2: str) -> str:
    """A daily 'mobile driving-licence office' column: one template, other places."""
    return (
        f"Polda Metro Jaya kembali membuka layanan SIM keliling pada {day} ({date}). Layanan ini "
        f"diperuntukkan bagi warga yang ingin memperpanjang SIM A dan SIM C yang masa berlakunya belum "
        f"habis.\n\nLokasi SIM keliling hari ini adalah {city1} di {place1} dan {city2} di {place2}. "
        f"Layanan dibuka mulai pukul 08.00 hingga 14.00 WIB.\n\nPemohon wajib membawa KTP elektronik asli "
        f"beserta fotokopinya, SIM lama, serta surat keterangan sehat jasmani dan rohani. Biaya perpanjangan "
        f"SIM A sebesar Rp80.000 dan SIM C sebesar Rp75.000, belum termasuk biaya tes kesehatan.\n\n"
        f"Warga diimbau datang lebih awal karena kuota pemohon dibatasi setiap harinya."
    )


def template_days() -> list[list[str]]:
    """Each daily column's days: texts of one template that must stay apart."""
    gold = [
        gold_column(
            day,
            date,
            GOLD_PRICES[i % 2][0] + 3_000 * i,
            GOLD_PRICES[i % 2][1] + 2_000 * i,
            *GOLD_PRICES[i % 2][2:],
        )
        for i, (day, date) in enumerate(GOLD_DAYS)
    ]
    sim = [sim_column(day, date, *SIM_CITIES[i]) for i, (day, date) in enumerate(GOLD_DAYS)]
    return [gold, sim]
