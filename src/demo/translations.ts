/**
 * Translations of a few demo offers, so the feature is there to see: some by people, some
 * marked as machine translations. Keyed like the demo tables (offer key, Träger and Ort key,
 * "<offer key>:<index of its hours>").
 */
import type { Translations } from '../model/translated';
import type { LocKey } from './locations';
import type { OrgKey } from './organizations';

export const SERVICE_TRANSLATIONS: Record<string, Translations> = {
  'jobcenter-vor-ort-huettenfeld': {
    en: {
      name: 'Jobcenter and youth office on site – open consultation hour',
      description:
        'On the last Wednesday of every month the Jobcenter and the district social service advise together at the community centre – no appointment, no waiting number. Just bring your letters and notices.',
    },
    ar: {
      machine: true,
      name: 'مركز العمل ومكتب رعاية الشباب في الحي – ساعة استشارة مفتوحة',
      description:
        'في آخر يوم أربعاء من كل شهر يقدّم مركز العمل والخدمة الاجتماعية في الحي المشورة معًا في مركز الحي – دون موعد ودون رقم انتظار. أحضر رسائلك وقراراتك فقط.',
    },
    tr: {
      machine: true,
      name: 'Yerinde İş Merkezi ve Gençlik Dairesi – Açık danışma saati',
      description:
        'Her ayın son çarşamba günü İş Merkezi ve semt sosyal hizmetleri semt merkezinde birlikte danışmanlık veriyor – randevusuz, sıra numarasız. Mektuplarınızı ve kararlarınızı getirmeniz yeterli.',
    },
    uk: {
      machine: true,
      name: 'Джобцентр і служба у справах молоді на місці – відкриті години прийому',
      description:
        'Щомісяця в останню середу Джобцентр і районна соціальна служба разом консультують у районному центрі – без запису, без номерка. Просто принесіть свої листи й рішення.',
    },
  },
  'migrationsberatung-mbe': {
    en: {
      name: 'Migration advice for adults (MBE)',
      description:
        'Residence, family reunification, integration course, work: we advise immigrants aged 27 and over in their first years and help with applications.',
    },
    ar: {
      machine: true,
      name: 'استشارات الهجرة للبالغين (MBE)',
      description:
        'الإقامة، لمّ شمل الأسرة، دورة الاندماج، العمل: نقدّم المشورة للمهاجرين من سن 27 عامًا في سنواتهم الأولى ونساعد في تقديم الطلبات.',
    },
    uk: {
      machine: true,
      name: 'Міграційна консультація для дорослих (MBE)',
      description:
        "Перебування, возз'єднання сім'ї, інтеграційний курс, робота: ми консультуємо іммігрантів від 27 років у перші роки та допомагаємо із заявами.",
    },
    tr: {
      machine: true,
      name: 'Yetişkinler için Göç Danışmanlığı (MBE)',
      description:
        'Oturum, aile birleşimi, uyum kursu, iş: 27 yaş üstü göçmenlere ilk yıllarında danışmanlık yapıyor ve başvurularda yardımcı oluyoruz.',
    },
  },
  'anlaufstelle-suedosteuropa': {
    ro: {
      name: 'Punct de sprijin pentru persoanele venite din Europa de Sud-Est',
      description:
        'Înregistrare, alocație pentru copii, asigurare de sănătate, verificarea contractului de muncă: oferim consiliere în română și bulgară și venim și acasă.',
    },
    bg: {
      name: 'Център за помощ на хора от Югоизточна Европа',
      description:
        'Регистрация, детски надбавки, здравна осигуровка, проверка на трудов договор: консултираме на румънски и български и идваме и по домовете.',
    },
  },
  'fluechtlingsberatung-buedchen': {
    en: {
      name: 'Refugee advice – consultation hour at the Hüttenfeld kiosk',
      description:
        'Every two weeks at the kiosk: asylum procedure, toleration (Duldung), residence obligation, letters from the BAMF. When it is warm outside, at the open window too.',
    },
    ar: {
      machine: true,
      name: 'استشارات اللاجئين – ساعة استشارة في كشك هوتنفيلد',
      description:
        'كل أسبوعين عند الكشك: إجراءات اللجوء، الإقامة المؤقتة (Duldung)، شرط مكان السكن، رسائل من المكتب الاتحادي للهجرة واللاجئين. وعندما يكون الجو دافئًا، عند النافذة المفتوحة أيضًا.',
    },
    fa: {
      machine: true,
      name: 'مشاوره پناهندگان – ساعت مشاوره در کیوسک هوتنفلد',
      description:
        'هر دو هفته یک بار کنار کیوسک: روند پناهندگی، دولدونگ (Duldung)، الزام محل سکونت، نامه‌های اداره فدرال مهاجرت. وقتی هوا گرم است، کنار پنجره باز هم.',
    },
  },
};

export const ORGANIZATION_TRANSLATIONS: Partial<Record<OrgKey, Translations>> = {
  jobcenter: {
    en: {
      name: 'Jobcenter Emscherhagen',
      description:
        "Joint institution of the city and the Federal Employment Agency. Responsible for citizen's income (Bürgergeld), job placement and support under SGB II – with consultation hours right in the neighbourhoods.",
    },
    ar: {
      machine: true,
      name: 'مركز العمل إمشرهاغن',
      description:
        'مؤسسة مشتركة بين المدينة ووكالة العمل. مسؤولة عن إعانة المواطن والتوظيف والدعم وفق الكتاب الثاني من قانون الضمان الاجتماعي – مع ساعات استشارة في الأحياء مباشرة.',
    },
  },
};

export const LOCATION_TRANSLATIONS: Partial<Record<LocKey, Translations>> = {
  'stz-huettenfeld': {
    en: { name: 'Hüttenfeld community centre' },
    ar: { machine: true, name: 'مركز حي هوتنفيلد' },
    tr: { machine: true, name: 'Hüttenfeld Semt Merkezi' },
    uk: { machine: true, name: 'Районний центр Гюттенфельд' },
  },
};

export const SCHEDULE_TRANSLATIONS: Record<string, Translations> = {
  'jobcenter-vor-ort-huettenfeld:0': {
    en: { notes: 'In December 2026 there is no consultation hour (30 December).' },
    ar: { machine: true, notes: 'في ديسمبر 2026 لا توجد ساعة استشارة (30 ديسمبر).' },
  },
};
